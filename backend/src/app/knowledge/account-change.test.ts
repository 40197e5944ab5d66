import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbKnowledgeStore } from '../../adapters/dynamodb/dynamodb-knowledge-store.js';
import { createTestTable } from '../../local/test-support/test-table.js';
import type { KnowledgeSourceRecord } from '../../ports/knowledge-store.js';
import { resyncAfterAccountChange, type AccountChangeDeps } from './account-change.js';

let store: DynamoDbKnowledgeStore;
let queued: string[];
let deps: AccountChangeDeps;
beforeEach(async () => {
  const table = await createTestTable();
  store = new DynamoDbKnowledgeStore(table.client, table.tableName);
  queued = [];
  deps = {
    knowledge: store,
    syncQueue: { enqueue: async (clinicId: string) => void queued.push(clinicId) },
    clock: { now: () => new Date('2026-12-04T09:00:00Z') },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  };
});

const synced = (sourceId: string, extra: Partial<KnowledgeSourceRecord> = {}): KnowledgeSourceRecord => ({
  sourceId,
  kind: 'text',
  title: sourceId,
  text: 'x',
  contentHash: `hash-${sourceId}`,
  status: 'ready',
  providerSourceId: `copy-${sourceId}`,
  syncedHash: `hash-${sourceId}`,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...extra,
});

describe('resyncAfterAccountChange', () => {
  it("forgets the old provider's base and copies, puts every live source back to pending, and asks for one sync", async () => {
    await store.addSource('c1', synced('a'), 50);
    await store.addSource('c1', synced('b', { status: 'error', error: 'Retell refused' }), 50);
    await store.putBase('c1', { provider: 'retell', knowledgeBaseId: 'kb_old' });
    await resyncAfterAccountChange(deps, 'c1', { forget: true });
    expect(await store.getBase('c1')).toBeUndefined();
    expect(await store.listSources('c1')).toEqual([
      { ...synced('a'), status: 'pending', providerSourceId: undefined, syncedHash: undefined, updatedAt: '2026-12-04T09:00:00.000Z' },
      { ...synced('b'), status: 'pending', providerSourceId: undefined, syncedHash: undefined, updatedAt: '2026-12-04T09:00:00.000Z' },
    ].map((s) => JSON.parse(JSON.stringify(s))));
    expect(queued).toEqual(['c1']);
  });

  it("drops a removed source's record (its copy stays with the old account)", async () => {
    await store.addSource('c2', synced('gone'), 50);
    await store.markRemoved('c2', 'gone', '2026-12-03T00:00:00.000Z');
    await resyncAfterAccountChange(deps, 'c2', { forget: true });
    expect(await store.listSources('c2', { includeRemoved: true })).toEqual([]);
  });

  it('with forget: false only asks for a sync and keeps the provider state', async () => {
    await store.addSource('c3', synced('a'), 50);
    await store.putBase('c3', { provider: 'vapi', account: 'vapi:clinic:c3', knowledgeBaseId: 'tool_1' });
    await resyncAfterAccountChange(deps, 'c3', { forget: false });
    expect([await store.getBase('c3'), (await store.getSource('c3', 'a'))?.status, queued]).toEqual([
      { provider: 'vapi', account: 'vapi:clinic:c3', knowledgeBaseId: 'tool_1' },
      'ready',
      ['c3'],
    ]);
  });
});
