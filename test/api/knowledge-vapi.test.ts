import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinicVoice, ListKnowledgeResponse, type KnowledgeSource } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiClient } from '../support/api.js';

/**
 * The clinic knowledge base on Vapi, on the real local stack: the sync (asynchronous Lambda stand-in) sends each
 * source as a file of the clinic's query tool at the Vapi simulator, through the real Vapi adapter, and attaches the
 * tool to the clinic assistant's `model.toolIds`. Each change is followed by `stack.lambda.settled()`. Each test puts
 * the demo clinic on Vapi itself (a save that keeps the account changes nothing), so any one can run alone.
 */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ vapiSimulatorApiKey: 'vapi-sim-knowledge-key' });
  await stack.lambda.settled();
});
afterAll(() => stack?.stop());

const admin = apiClient(() => stack.apiUrl, () => stack.adminToken);
const post = (path: string, body: unknown) => admin(path, { method: 'POST', body: JSON.stringify(body) });
const list = async () => ListKnowledgeResponse.parse((await admin('/clinic/knowledge')).json);
const settle = () => stack.lambda.settled();
const vapi = () => stack.vapiSimulator!;
/** The files the clinic's query tool lists at the simulator. */
const toolFiles = async () => vapi().knowledge.filesOf((await list()).knowledgeBaseId!) ?? [];

/** Puts the demo clinic on the platform's Vapi account. @returns its assistant id. */
async function onVapi(): Promise<string> {
  const saved = await admin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider: 'vapi' }) });
  expect(saved.status).toBe(200);
  await settle();
  return ClinicVoice.parse(saved.json.voice).agentId!;
}

async function addText(title: string, text: string): Promise<KnowledgeSource> {
  const added = await post('/clinic/knowledge', { kind: 'text', title, text });
  expect(added.status).toBe(201);
  return added.json;
}

/** Uploads `bytes` as `fileName` through the API's presigned URL and adds it as a source. */
async function addPdf(fileName: string, text: string): Promise<KnowledgeSource> {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`);
  const upload = await post('/clinic/knowledge/uploads', { fileName, contentType: 'application/pdf', bytes: bytes.length });
  expect(upload.status).toBe(201);
  expect((await fetch(upload.json.url, { method: 'PUT', headers: upload.json.headers, body: bytes })).status).toBe(200);
  const added = await post('/clinic/knowledge', { kind: 'file', uploadId: upload.json.uploadId });
  expect(added.status).toBe(201);
  return added.json;
}

const statusOf = async (sourceId: string) => (await list()).items.find((s) => s.sourceId === sourceId);

describe('knowledge base of a clinic on Vapi (local stack)', () => {
  it('a clinic switching from Retell to Vapi gets its sources re-sent to Vapi, ready there and attached to its assistant', async () => {
    const text = await addText('Parking', 'Free parking behind the clinic.');
    await settle();
    const onRetell = await list();
    expect(onRetell.items.map((s) => s.status)).toEqual(['ready', 'ready']);
    const assistantId = await onVapi();
    const now = await list();
    expect(now.knowledgeBaseId).not.toBe(onRetell.knowledgeBaseId);
    expect(Object.fromEntries(now.items.map((s) => [s.sourceId, s.status]))).toEqual({ [text.sourceId]: 'ready', 'clinic-facts': 'ready' });
    const files = await toolFiles();
    expect(files.map((f) => f.status)).toEqual(['done', 'done']);
    expect(files.some((f) => f.originalName?.startsWith('Parking-'))).toBe(true);
    expect(vapi().assistants().find((a) => a.id === assistantId)?.model?.toolIds).toEqual([now.knowledgeBaseId]);
  });

  it("a Vapi clinic adds a text and a PDF → both ready, as files of the query tool attached to the assistant's model.toolIds", async () => {
    const assistantId = await onVapi();
    const text = await addText('Rechecks', 'Rechecks after a dental are free within 14 days.');
    const pdf = await addPdf('aftercare.pdf', 'Soft food for five days.');
    await settle();
    expect([(await statusOf(text.sourceId))?.status, (await statusOf(pdf.sourceId))?.status]).toEqual(['ready', 'ready']);
    const files = await toolFiles();
    const textFile = files.find((f) => f.originalName?.startsWith('Rechecks-'));
    expect(vapi().knowledge.fileText(textFile!.id)).toBe('Rechecks\n\nRechecks after a dental are free within 14 days.\n');
    expect(files.find((f) => f.originalName?.endsWith('-aftercare.pdf'))).toMatchObject({ status: 'done', mimetype: 'application/pdf' });
    const { knowledgeBaseId } = await list();
    expect(vapi().knowledge.getTool(knowledgeBaseId!)).toMatchObject({ type: 'query', knowledgeBases: [{ provider: 'google' }] });
    expect(vapi().assistants().find((a) => a.id === assistantId)?.model?.toolIds).toEqual([knowledgeBaseId]);
  });

  it('a second sync sends nothing that is unchanged: every ready copy keeps its Vapi file', async () => {
    await onVapi();
    await addText('Payments', 'Cards and cash.');
    await settle();
    const ready = (await toolFiles()).filter((f) => f.status === 'done').map((f) => f.id);
    expect((await post('/clinic/knowledge/sync', {})).status).toBe(200);
    await settle();
    expect((await toolFiles()).map((f) => f.id)).toEqual(expect.arrayContaining(ready));
    expect(vapi().knowledge.listFiles().filter((f) => ready.includes(f.id))).toHaveLength(ready.length);
  });

  it("a corrupt file → error with Vapi's message; the other sources stay ready", async () => {
    await onVapi();
    const corrupt = await addPdf('scan-corrupt.pdf', 'garbage');
    await settle();
    const now = await list();
    const failed = now.items.find((s) => s.sourceId === corrupt.sourceId);
    expect([failed?.status, failed?.error]).toEqual(['error', expect.stringMatching(/^Vapi could not process the file [0-9a-f]{8}-scan-corrupt\.pdf \(status failed\)$/)]);
    expect(now.items.filter((s) => s.sourceId !== corrupt.sourceId && s.kind !== 'url').every((s) => s.status === 'ready')).toBe(true);
  });

  it('a URL source → error saying web pages are not supported on Vapi; nothing is fetched or uploaded', async () => {
    await onVapi();
    const filesBefore = vapi().knowledge.listFiles().length;
    const url = await post('/clinic/knowledge', { kind: 'url', url: 'https://example.com/hours' });
    expect(url.status).toBe(201);
    await settle();
    expect(await statusOf(url.json.sourceId)).toMatchObject({ status: 'error', error: expect.stringContaining('not supported on Vapi') });
    expect(vapi().knowledge.listFiles()).toHaveLength(filesBefore);
  });

  it('deleting a source removes its file from the query tool and from Vapi', async () => {
    await onVapi();
    const text = await addText('Old hours', 'We used to open at 7.');
    await settle();
    const file = (await toolFiles()).find((f) => f.originalName?.startsWith('Old-hours-'))!;
    expect((await admin(`/clinic/knowledge/${text.sourceId}`, { method: 'DELETE' })).status).toBe(204);
    await settle();
    expect((await toolFiles()).map((f) => f.id)).not.toContain(file.id);
    expect(vapi().knowledge.readFile(file.id, false)).toBeUndefined();
  });
});
