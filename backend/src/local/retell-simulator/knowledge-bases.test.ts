import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetellKnowledgeBase } from '../../adapters/retell/retell-knowledge-base.js';
import { retellClientFactory } from '../../adapters/retell/retell-client.js';
import { startRetellSimulator, type RetellSimulator } from './retell-simulator.js';

let simulator: RetellSimulator;
let kb: RetellKnowledgeBase;
beforeAll(async () => {
  simulator = await startRetellSimulator({ apiKey: 'sim_kb_key' });
  kb = new RetellKnowledgeBase(retellClientFactory(async () => 'sim_kb_key', simulator.url));
});
afterAll(() => simulator?.stop());

/** Reads until the base stops indexing; the simulator finishes after one read. */
async function settled(id: string) {
  const first = await kb.get(id);
  return first?.status === 'indexing' ? kb.get(id) : first;
}

describe('Retell simulator knowledge bases (through the retell-sdk adapter)', () => {
  it('accepts the SDK multipart add-sources and shows the sources once indexing completes', async () => {
    const id = await kb.create('Pawsome Vet');
    await kb.addSources(id, [
      { type: 'text', title: 'Rechecks', text: 'Free within 14 days.' },
      { type: 'url', url: 'https://example.com/hours' },
      { type: 'file', fileName: 'aftercare.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    ]);
    expect((await kb.get(id))?.status).toBe('indexing');
    const done = await kb.get(id);
    expect(done?.status).toBe('ready');
    expect(done?.sources.map(({ providerSourceId: _id, ...s }) => s)).toEqual([
      { type: 'text', title: 'Rechecks' },
      { type: 'url', url: 'https://example.com/hours' },
      { type: 'file', fileName: 'aftercare.pdf' },
    ]);
    expect(simulator.knowledgeBases.sourcesOf(id)?.find((s) => s.type === 'document')).toMatchObject({ file_size: 4 });
  });

  it('fails a *-corrupt.pdf with a message and leaves it out', async () => {
    const id = await kb.create('Corrupt test');
    await kb.addSources(id, [{ type: 'file', fileName: 'scan-corrupt.pdf', bytes: new Uint8Array([1, 2, 3]) }]);
    const done = await settled(id);
    expect(done?.status).toBe('error');
    expect(done?.errors).toEqual(['Failed to parse document scan-corrupt.pdf: the file is corrupt or unreadable']);
    expect(done?.sources).toEqual([]);
  });

  it('deletes a source', async () => {
    const id = await kb.create('Delete test');
    await kb.addSources(id, [{ type: 'url', url: 'https://example.com/a' }]);
    const [source] = (await settled(id))!.sources;
    await kb.deleteSource(id, source!.providerSourceId);
    expect(simulator.knowledgeBases.sourcesOf(id)).toEqual([]);
  });

  it('refuses a name of 40 characters or more', async () => {
    await expect(kb.create('x'.repeat(40))).rejects.toThrow(/less than 40 characters/);
  });

  it("attaches the base to the agent's Retell LLM once", async () => {
    simulator.agents.put({ agent_id: 'agent_kb', agent_name: 'Follow-up' });
    const id = await kb.create('Attach test');
    expect(await kb.attach('agent_kb', id)).toBe(true);
    expect(await kb.attach('agent_kb', id)).toBe(false);
    expect(await kb.attachedTo('agent_kb')).toEqual([id]);
  });
});
