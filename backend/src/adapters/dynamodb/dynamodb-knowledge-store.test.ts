import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../local/test-support/test-table.js';
import type { KnowledgeSourceRecord } from '../../ports/knowledge-store.js';
import { DynamoDbKnowledgeStore } from './dynamodb-knowledge-store.js';

let store: DynamoDbKnowledgeStore;
beforeAll(async () => {
  const table = await createTestTable();
  store = new DynamoDbKnowledgeStore(table.client, table.tableName);
});

const source = (sourceId: string, overrides: Partial<KnowledgeSourceRecord> = {}): KnowledgeSourceRecord => ({
  sourceId,
  kind: 'text',
  title: `Title ${sourceId}`,
  text: 'Rechecks are free within 14 days.',
  contentHash: 'abc',
  status: 'pending',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

describe('DynamoDbKnowledgeStore (DynamoDB Local)', () => {
  it('adds sources and lists them by id', async () => {
    expect(await store.addSource('k-list', source('b'), 50)).toBe(true);
    expect(await store.addSource('k-list', source('a'), 50)).toBe(true);
    expect((await store.listSources('k-list')).map((s) => s.sourceId)).toEqual(['a', 'b']);
    expect(await store.getSource('k-list', 'a')).toEqual(source('a'));
  });

  it('refuses a source past the cap and writes nothing', async () => {
    expect(await store.addSource('k-cap', source('1'), 2)).toBe(true);
    expect(await store.addSource('k-cap', source('2'), 2)).toBe(true);
    expect(await store.addSource('k-cap', source('3'), 2)).toBe(false);
    expect((await store.listSources('k-cap')).map((s) => s.sourceId)).toEqual(['1', '2']);
  });

  it('frees a place under the cap when a source is marked removed, and hides it from the list', async () => {
    await store.addSource('k-remove', source('1'), 1);
    expect(await store.markRemoved('k-remove', '1', '2026-12-02T00:00:00.000Z')).toBe(true);
    expect(await store.markRemoved('k-remove', '1', '2026-12-02T00:00:00.000Z')).toBe(false);
    expect(await store.listSources('k-remove')).toEqual([]);
    expect((await store.listSources('k-remove', { includeRemoved: true }))[0]?.removed).toBe(true);
    expect(await store.addSource('k-remove', source('2'), 1)).toBe(true);
  });

  it('keeps the knowledge base record apart from the count and the lease', async () => {
    await store.addSource('k-base', source('1'), 50);
    await store.claimSync('k-base', 1_000, 2_000);
    await store.putBase('k-base', { provider: 'retell', knowledgeBaseId: 'kb_1', syncedAt: '2026-12-02T00:00:00.000Z' });
    expect(await store.getBase('k-base')).toEqual({ provider: 'retell', knowledgeBaseId: 'kb_1', syncedAt: '2026-12-02T00:00:00.000Z' });
    await store.deleteBase('k-base');
    expect(await store.getBase('k-base')).toBeUndefined();
  });

  it("keeps the account a knowledge base lives in, and forgets it with the base", async () => {
    await store.putBase('k-account', { provider: 'vapi', account: 'vapi:clinic:k-account', knowledgeBaseId: 'tool_1' });
    expect(await store.getBase('k-account')).toEqual({ provider: 'vapi', account: 'vapi:clinic:k-account', knowledgeBaseId: 'tool_1' });
    await store.deleteBase('k-account');
    await store.putBase('k-account', { provider: 'retell', knowledgeBaseId: 'kb_2' });
    expect(await store.getBase('k-account')).toEqual({ provider: 'retell', knowledgeBaseId: 'kb_2' });
  });

  it('gives the sync lease to one holder and tells it to run again when asked meanwhile', async () => {
    expect(await store.claimSync('k-lease', 1_000, 5_000)).toBe(true);
    expect(await store.claimSync('k-lease', 2_000, 6_000)).toBe(false);
    expect(await store.releaseSync('k-lease', 3_000, 7_000)).toBe(true);
    expect(await store.releaseSync('k-lease', 3_500, 7_500)).toBe(false);
    expect(await store.claimSync('k-lease', 4_000, 8_000)).toBe(true);
  });

  it('stores an upload with its expiry and forgets it', async () => {
    const upload = {
      uploadId: 'u1',
      fileName: 'aftercare.pdf',
      contentType: 'application/pdf' as const,
      bytes: 1200,
      objectKey: 'uploads/k-up/u1',
      createdAt: '2026-12-01T10:00:00.000Z',
      expiresAtSeconds: 1_800_000_000,
    };
    await store.putUpload('k-up', upload);
    expect(await store.getUpload('k-up', 'u1')).toEqual(upload);
    await store.deleteUpload('k-up', 'u1');
    expect(await store.getUpload('k-up', 'u1')).toBeUndefined();
  });
});
