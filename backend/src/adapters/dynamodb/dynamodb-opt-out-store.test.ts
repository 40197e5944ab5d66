import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbOptOutStore } from './dynamodb-opt-out-store.js';

let store: DynamoDbOptOutStore;
beforeAll(async () => {
  const table = await createTestTable();
  store = new DynamoDbOptOutStore(table.client, table.tableName);
});

const entry = (phoneNumber: string, reason = 'Asked by phone', createdAt = '2026-11-23T17:00:00.000Z') => ({
  phoneNumber,
  reason,
  createdAt,
  source: 'staff' as const,
});

describe('DynamoDbOptOutStore (DynamoDB Local)', () => {
  it('adds a number once and keeps the first entry when it is added again', async () => {
    expect(await store.add('clinic-a', entry('+14155550101'))).toEqual({ entry: entry('+14155550101'), added: true });
    const again = await store.add('clinic-a', entry('+14155550101', 'later', '2026-11-24T00:00:00.000Z'));
    expect(again).toEqual({ entry: entry('+14155550101'), added: false });
    expect(await store.isOptedOut('clinic-a', '+14155550101')).toBe(true);
  });

  it('is per clinic, lists by number and removes', async () => {
    await store.add('clinic-b', entry('+14155550199'));
    await store.add('clinic-b', entry('+12125550100'));
    expect(await store.isOptedOut('clinic-c', '+14155550199')).toBe(false);
    expect((await store.list('clinic-b')).map((o) => o.phoneNumber)).toEqual(['+12125550100', '+14155550199']);
    expect(await store.remove('clinic-b', '+14155550199')).toBe(true);
    expect(await store.remove('clinic-b', '+14155550199')).toBe(false);
    expect(await store.isOptedOut('clinic-b', '+14155550199')).toBe(false);
    expect((await store.list('clinic-b')).map((o) => o.phoneNumber)).toEqual(['+12125550100']);
  });

  it('does not list other items of the clinic partition (settings, dials)', async () => {
    expect(await store.list('clinic-empty')).toEqual([]);
  });
});
