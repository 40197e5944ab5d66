import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesClient } from '@vapi-ai/server-sdk/files';
import { ToolsClient } from '@vapi-ai/server-sdk/tools';
import { VapiAccount } from '../../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory } from '../../adapters/vapi/vapi-client.js';
import { VAPI_URL_UNSUPPORTED, VapiKnowledgeBase } from '../../adapters/vapi/vapi-knowledge-base.js';
import { vapiKnowledgeClientFactory } from '../../adapters/vapi/vapi-knowledge-client.js';
import { startVapiSimulator, type VapiSimulator } from './index.js';

const KEY = 'vapi-kb-key';
let sim: VapiSimulator;
let kb: VapiKnowledgeBase;
let account: VapiAccount;
beforeAll(async () => {
  sim = await startVapiSimulator({ apiKey: KEY });
  kb = new VapiKnowledgeBase(vapiKnowledgeClientFactory(async () => KEY, sim.url));
  account = new VapiAccount(vapiClientFactory(async () => KEY, sim.url));
});
afterAll(() => sim?.stop());

const sdk = () => ({ files: new FilesClient({ token: KEY, baseUrl: sim.url }), tools: new ToolsClient({ token: KEY, baseUrl: sim.url }) });
const pdf = new Uint8Array([37, 80, 68, 70, 45]);

describe('Vapi simulator knowledge (files and query tools) through the SDK and the knowledge adapter', () => {
  it("keeps an SDK multipart upload with its name, size, type, purpose and metadata; status processing, then done", async () => {
    const created = await sdk().files.create({ file: { data: pdf, filename: 'aftercare.pdf', contentType: 'application/pdf' }, purpose: 'assistant', metadata: '{"a":1}' });
    expect(created).toMatchObject({ status: 'processing', originalName: 'aftercare.pdf', bytes: 5, mimetype: 'application/pdf', purpose: 'assistant', metadata: { a: 1 } });
    expect((await sdk().files.get({ id: created.id })).status).toBe('processing');
    expect((await sdk().files.get({ id: created.id })).status).toBe('done');
  });

  it('lists files by purpose and deletes one (then 404)', async () => {
    const file = await sdk().files.create({ file: { data: pdf, filename: 'list.pdf' }, purpose: 'knowledge-base-v2' });
    expect((await sdk().files.list({ purpose: 'knowledge-base-v2' })).map((f) => f.id)).toEqual([file.id]);
    await sdk().files.delete({ id: file.id });
    await expect(sdk().files.get({ id: file.id })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a file named *-corrupt.pdf ends failed', async () => {
    const file = await sdk().files.create({ file: { data: pdf, filename: 'scan-corrupt.pdf' } });
    await sdk().files.get({ id: file.id });
    expect((await sdk().files.get({ id: file.id })).status).toBe('failed');
  });

  it('creates, gets, lists, updates and deletes a query tool', async () => {
    const file = await sdk().files.create({ file: { data: pdf, filename: 'a.pdf' } });
    const tool = await sdk().tools.create({ type: 'query', knowledgeBases: [{ provider: 'google', name: 'Clinic', description: 'd', fileIds: [] }] });
    await sdk().tools.update({ id: tool.id, body: { type: 'query', knowledgeBases: [{ provider: 'google', name: 'Clinic', description: 'd', fileIds: [file.id] }] } });
    expect(await sdk().tools.get({ id: tool.id })).toMatchObject({ type: 'query', knowledgeBases: [{ fileIds: [file.id] }] });
    expect((await sdk().tools.list()).map((t) => t.id)).toContain(tool.id);
    await sdk().tools.delete({ id: tool.id });
    await expect(sdk().tools.get({ id: tool.id })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a query tool naming a file the org does not hold', async () => {
    const refused = sdk().tools.create({ type: 'query', knowledgeBases: [{ provider: 'google', name: 'X', description: 'd', fileIds: ['nope'] }] });
    await expect(refused).rejects.toMatchObject({ statusCode: 400, body: { message: 'File not found: nope' } });
  });

  it('the adapter sends a text and a PDF as files of the tool; both indexing, then ready, found by title and file name', async () => {
    const id = await kb.create('Happy Paws');
    await kb.addSources(id, [{ type: 'text', title: 'Rechecks [1a2b3c4d-9f8e7d6c]', text: 'Free within 14 days.' }]);
    await kb.addSources(id, [{ type: 'file', fileName: '9f8e7d6c-aftercare.pdf', bytes: pdf }]);
    expect((await kb.get(id))?.status).toBe('indexing');
    const done = await kb.get(id);
    expect(done?.status).toBe('ready');
    expect(done?.sources.map(({ providerSourceId: _id, ...s }) => s)).toEqual([
      { type: 'text', title: 'Rechecks [1a2b3c4d-9f8e7d6c]', status: 'ready' },
      { type: 'file', fileName: '9f8e7d6c-aftercare.pdf', status: 'ready' },
    ]);
    const [text] = sim.knowledge.filesOf(id)!;
    expect([text!.originalName, text!.mimetype, sim.knowledge.fileText(text!.id)]).toEqual(['Rechecks-1a2b3c4d-9f8e7d6c.txt', 'text/plain', 'Rechecks\n\nFree within 14 days.\n']);
  });

  it('the adapter reports a corrupt file as an error of that copy only', async () => {
    const id = await kb.create('Corrupt');
    await kb.addSources(id, [{ type: 'text', title: 'Hours', text: 'Mon 9-5' }]);
    await kb.addSources(id, [{ type: 'file', fileName: 'scan-corrupt.pdf', bytes: pdf }]);
    await kb.get(id);
    const done = await kb.get(id);
    expect(done?.sources.map((s) => [s.type, s.status, s.error])).toEqual([
      ['text', 'ready', undefined],
      ['file', 'error', 'Vapi could not process the file scan-corrupt.pdf (status failed)'],
    ]);
  });

  it('the adapter refuses a URL source without calling Vapi', async () => {
    const id = await kb.create('Urls');
    const before = sim.knowledge.listFiles().length;
    await expect(kb.addSources(id, [{ type: 'url', url: 'https://example.com/hours' }])).rejects.toThrow(VAPI_URL_UNSUPPORTED);
    expect(sim.knowledge.listFiles()).toHaveLength(before);
  });

  it('the adapter deletes a source: out of the tool and the file gone', async () => {
    const id = await kb.create('Delete');
    await kb.addSources(id, [{ type: 'text', title: 'Old', text: 'x' }]);
    const [copy] = (await kb.get(id))!.sources;
    await kb.deleteSource(id, copy!.providerSourceId);
    expect([sim.knowledge.filesOf(id), sim.knowledge.readFile(copy!.providerSourceId, false)]).toEqual([[], undefined]);
  });

  it("the adapter attaches the tool to the assistant's model.toolIds once, keeping its other tools and model fields", async () => {
    const model = { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be kind.' }], toolIds: ['tool_other'], temperature: 0.3 };
    const assistant = await account.createAssistant({ name: 'Follow-up', model, firstMessage: 'Hi' });
    const id = await kb.create('Attach');
    expect(await kb.attach(assistant.id, id)).toBe(true);
    expect(await kb.attach(assistant.id, id)).toBe(false);
    const after = sim.assistants().find((a) => a.id === assistant.id)!;
    expect([after.model, after.firstMessage]).toEqual([{ ...model, toolIds: ['tool_other', id] }, 'Hi']);
    expect(await kb.attachedTo(assistant.id)).toEqual(['tool_other', id]);
  });

  it("a missing tool reads as no knowledge base", async () => {
    expect(await kb.get('no-such-tool')).toBeUndefined();
  });
});
