import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListKnowledgeResponse, type KnowledgeSource } from '@vfc/shared';
import { startLocalStack, LOCAL_KNOWLEDGE_BUCKET, type LocalStack } from '@vfc/backend/local/stack';
import { S3KnowledgeFiles } from '@vfc/backend/adapters/s3/s3-knowledge-files';
import { apiClient } from '../support/api.js';

/**
 * The clinic knowledge base on the real local stack: sources through the API, documents through presigned PUTs to
 * the local S3 server, the background sync (asynchronous Lambda stand-in) to the Retell simulator's knowledge bases.
 * Each change is followed by `stack.lambda.settled()`: the sync it queued has finished.
 */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
  await stack.lambda.settled();
});
afterAll(() => stack?.stop());

const admin = apiClient(() => stack.apiUrl, () => stack.adminToken);
const staff = apiClient(() => stack.apiUrl, () => stack.staffToken);
const post = (path: string, body: unknown) => admin(path, { method: 'POST', body: JSON.stringify(body) });
const list = async () => ListKnowledgeResponse.parse((await admin('/clinic/knowledge')).json);
const settle = () => stack.lambda.settled();
const kbId = async () => (await list()).knowledgeBaseId!;
const atProvider = async () => stack.simulator!.knowledgeBases.sourcesOf(await kbId()) ?? [];
const demoLlm = () => stack.simulator!.agents.getLlm('llm_agent_demo_followup');

/** Uploads `bytes` as `fileName` through the API's presigned URL and adds it as a source. */
async function addFile(fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<KnowledgeSource> {
  const upload = await post('/clinic/knowledge/uploads', { fileName, contentType: 'application/pdf', bytes: bytes.length });
  expect(upload.status).toBe(201);
  const put = await fetch(upload.json.url, { method: 'PUT', headers: upload.json.headers, body: bytes });
  expect(put.status).toBe(200);
  const added = await post('/clinic/knowledge', { kind: 'file', uploadId: upload.json.uploadId });
  expect(added.status).toBe(201);
  return added.json;
}

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`);
let textId: string;
let urlId: string;
let fileId: string;

describe('knowledge base on the local stack', () => {
  it('is admin only', async () => {
    expect((await staff('/clinic/knowledge')).status).toBe(403);
  });

  it('adds a text, a URL and a PDF → all ready at the simulator and the base attached to the agent LLM', async () => {
    const text = await post('/clinic/knowledge', { kind: 'text', title: 'Rechecks', text: 'Rechecks after a dental are free within 14 days.' });
    expect([text.status, text.json.status]).toEqual([201, 'pending']);
    const url = await post('/clinic/knowledge', { kind: 'url', url: 'https://example.com/aftercare' });
    expect(url.status).toBe(201);
    const file = await addFile('aftercare.pdf', pdf('Soft food for five days.'));
    [textId, urlId, fileId] = [text.json.sourceId, url.json.sourceId, file.sourceId];
    await settle();

    const now = await list();
    expect(Object.fromEntries(now.items.map((s) => [s.kind, s.status]))).toEqual({ text: 'ready', url: 'ready', file: 'ready', clinic_facts: 'ready' });
    const held = await atProvider();
    expect(held.map((s) => s.type).sort()).toEqual(['document', 'text', 'text', 'url']);
    expect(held.find((s) => s.type === 'url')).toMatchObject({ url: 'https://example.com/aftercare' });
    expect(demoLlm()?.knowledge_base_ids).toEqual([now.knowledgeBaseId]);
    expect(now.syncedAt).toBeDefined();
  });

  it('a second sync sends nothing that is unchanged', async () => {
    const before = (await atProvider()).map((s) => s.source_id).sort();
    expect((await post('/clinic/knowledge/sync', {})).status).toBe(200);
    await settle();
    expect((await atProvider()).map((s) => s.source_id).sort()).toEqual(before);
  });

  it("changing the clinic's hours regenerates the clinic facts and re-sends them", async () => {
    const factsBefore = (await atProvider()).find((s) => s.type === 'text' && s.title.startsWith('Clinic facts'));
    const saturday = [{ start: '10:00', end: '13:00' }];
    const changed = await admin('/clinic/settings', { method: 'PUT', body: JSON.stringify({ weeklyHours: { ...allDay(), sat: saturday } }) });
    expect(changed.status).toBe(200);
    await settle();
    const facts = (await atProvider()).filter((s) => s.type === 'text' && s.title.startsWith('Clinic facts'));
    expect(facts).toHaveLength(1);
    expect(facts[0]!.source_id).not.toBe(factsBefore?.source_id);
    expect(facts[0]!.type === 'text' && facts[0]!.text).toContain('- Saturday: 10:00 to 13:00.');
    expect((await list()).items.find((s) => s.kind === 'clinic_facts')?.status).toBe('ready');
  });

  it('deleting a source removes it at the provider', async () => {
    expect((await admin(`/clinic/knowledge/${urlId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await list()).items.map((s) => s.sourceId)).not.toContain(urlId);
    await settle();
    expect((await atProvider()).some((s) => s.type === 'url')).toBe(false);
    expect((await admin(`/clinic/knowledge/${urlId}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('a 6 MB upload → 413 and nothing stored', async () => {
    const before = await list();
    const answer = await post('/clinic/knowledge/uploads', { fileName: 'big.pdf', contentType: 'application/pdf', bytes: 6 * 1024 * 1024 });
    expect([answer.status, answer.json.error]).toEqual([413, 'payload_too_large']);
    expect(await list()).toEqual(before);
  });

  it('another document type or an http URL → 400 with the field', async () => {
    const exe = await post('/clinic/knowledge/uploads', { fileName: 'tool.exe', contentType: 'application/x-msdownload', bytes: 10 });
    expect([exe.status, exe.json.issues.map((i: { path: string }) => i.path)]).toEqual([400, ['contentType']]);
    const http = await post('/clinic/knowledge', { kind: 'url', url: 'http://example.com/' });
    expect([http.status, http.json.issues.map((i: { path: string }) => i.path)]).toEqual([400, ['url']]);
    const long = await post('/clinic/knowledge', { kind: 'text', title: 't'.repeat(121), text: 'x' });
    expect([long.status, long.json.issues.map((i: { path: string }) => i.path)]).toEqual([400, ['title']]);
  });

  it('a corrupt file → error with the message; the other sources stay ready', async () => {
    const corrupt = await addFile('scan-corrupt.pdf', pdf('garbage'));
    await settle();
    const now = await list();
    const failed = now.items.find((s) => s.sourceId === corrupt.sourceId);
    expect(failed?.status).toBe('error');
    expect(failed?.error).toContain('scan-corrupt.pdf: the file is corrupt or unreadable');
    expect(now.items.filter((s) => s.sourceId !== corrupt.sourceId).map((s) => s.status)).toEqual(['ready', 'ready', 'ready']);
    expect(now.items.map((s) => s.sourceId)).toEqual(expect.arrayContaining([textId, fileId]));
  });

  it('deleting a file source removes its copy at the provider, then its document from the bucket', async () => {
    const extra = await addFile('old-leaflet.pdf', pdf('Outdated advice.'));
    await settle();
    const files = new S3KnowledgeFiles({ bucket: LOCAL_KNOWLEDGE_BUCKET, endpoint: stack.s3Endpoint });
    const key = `sources/demo-clinic/${extra.sourceId}/old-leaflet.pdf`;
    expect((await files.head(key))?.bytes).toBe(pdf('Outdated advice.').length);
    expect((await admin(`/clinic/knowledge/${extra.sourceId}`, { method: 'DELETE' })).status).toBe(204);
    await settle();
    expect([await files.head(key), (await atProvider()).some((s) => s.type === 'document' && s.filename.includes('old-leaflet'))]).toEqual([undefined, false]);
  });

  it("keeps an added document in the bucket under sources/, and the upload's object is gone", async () => {
    const files = new S3KnowledgeFiles({ bucket: LOCAL_KNOWLEDGE_BUCKET, endpoint: stack.s3Endpoint });
    expect((await files.head(`sources/demo-clinic/${fileId}/aftercare.pdf`))?.bytes).toBe(pdf('Soft food for five days.').length);
    expect(await files.head(`uploads/demo-clinic/${fileId}`)).toBeUndefined();
  });
});

function allDay() {
  const day = [{ start: '00:00', end: '24:00' }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
}

describe('knowledge drift in the agent audit', () => {
  const audit = async () => (await admin('/agents/audit')).json as { healthScore: number; discrepancies: { kind: string }[]; recommendations: string[] };

  it('reports a detached knowledge base as a recommendation with a lower score; a sync repairs it', async () => {
    await settle();
    const healthy = await audit();
    expect(healthy.discrepancies.map((d) => d.kind)).not.toContain('knowledge_base_detached');
    stack.simulator!.agents.updateLlm('llm_agent_demo_followup', { knowledge_base_ids: [] });

    const drifted = await audit();
    expect(drifted.discrepancies.filter((d) => d.kind === 'knowledge_base_detached')).toHaveLength(1);
    expect(drifted.recommendations.some((r) => r.includes('knowledge base that is not attached'))).toBe(true);
    expect(drifted.healthScore).toBe(healthy.healthScore - 10);

    expect((await post('/clinic/knowledge/sync', {})).status).toBe(200);
    await settle();
    const repaired = await audit();
    expect(repaired.discrepancies.map((d) => d.kind)).not.toContain('knowledge_base_detached');
    expect(repaired.healthScore).toBe(healthy.healthScore);
  });
});
