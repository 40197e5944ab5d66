import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../../local/test-support/test-table.js';
import { DynamoDbDialSlots } from './dynamodb-dial-slots.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});

const slotsFor = (scope: string, limit: number) => new DynamoDbDialSlots(table.client, table.tableName, { scope, limit });
const due = (n: number, attempt = 1) => ({ callId: `call-${String(n).padStart(3, '0')}`, attempt, dueAt: `2026-11-23T17:00:${String(n % 60).padStart(2, '0')}.000Z` });
const LEASE_MS = 60_000;

describe('DynamoDbDialSlots (DynamoDB Local)', () => {
  it('20 concurrent takers over 12 waiting dials get exactly `limit` slots, earliest due first; the line keeps the rest in order', async () => {
    const slots = slotsFor('race', 4);
    for (let n = 11; n >= 0; n--) await slots.enqueue(due(n));
    await slots.enqueue(due(3)); // a second enqueue of the same attempt keeps one entry
    const taken = (await Promise.all(Array.from({ length: 20 }, () => slots.take(1_000, LEASE_MS)))).flat();
    expect(taken.map((d) => d.callId).sort()).toEqual(['call-000', 'call-001', 'call-002', 'call-003']);
    const snap = await slots.snapshot();
    expect(snap.inUse).toBe(4);
    expect(snap.leases).toHaveLength(4);
    expect(snap.waiting.map((d) => d.callId)).toEqual(['call-004', 'call-005', 'call-006', 'call-007', 'call-008', 'call-009', 'call-010', 'call-011']);
    expect(await slots.isWaiting(due(4))).toBe(true);
    expect(await slots.isWaiting(due(0))).toBe(false);
  });

  it('a release frees exactly one slot, which goes to the earliest waiting dial; releasing twice frees nothing more', async () => {
    const slots = slotsFor('release', 2);
    for (const n of [0, 1, 2, 3]) await slots.enqueue(due(n));
    await slots.take(0, LEASE_MS);
    await slots.take(0, LEASE_MS);
    expect(await slots.take(0, LEASE_MS)).toEqual([]);
    expect(await slots.release('call-000', 1)).toBe(true);
    expect(await slots.release('call-000', 1)).toBe(false);
    expect(await slots.release('call-999', 1)).toBe(false);
    expect((await slots.snapshot()).inUse).toBe(1);
    expect(await slots.take(0, LEASE_MS)).toEqual([due(2)]);
    expect(await slots.take(0, LEASE_MS)).toEqual([]);
  });

  it('an expired lease is reclaimed by reclaimExpired (an extended one only once it expires), then the slot is free', async () => {
    const slots = slotsFor('expiry', 1);
    await slots.enqueue(due(0));
    await slots.enqueue(due(1));
    expect(await slots.take(0, 1_000)).toEqual([due(0)]);
    expect(await slots.take(2_000, 1_000)).toEqual([]); // expired, but takers do not reclaim
    await slots.setExpiry('call-000', 1, 5_000);
    expect(await slots.reclaimExpired(2_000)).toEqual([]); // extended
    expect((await slots.reclaimExpired(6_000)).map((l) => l.callId)).toEqual(['call-000']);
    expect(await slots.take(6_000, 1_000)).toEqual([due(1)]);
    const snap = await slots.snapshot();
    expect(snap.inUse).toBe(1);
    expect(snap.leases.map((l) => l.callId)).toEqual(['call-001']);
  });

  it('an attempt that already holds a slot cannot take a second one from a stray line entry', async () => {
    const slots = slotsFor('stray', 5);
    await slots.enqueue(due(7));
    expect(await slots.take(0, LEASE_MS)).toEqual([due(7)]);
    await slots.enqueue(due(7)); // e.g. a duplicate delivery re-enqueued it meanwhile
    expect(await slots.take(0, LEASE_MS)).toEqual([]);
    const snap = await slots.snapshot();
    expect(snap).toMatchObject({ inUse: 1, waiting: [] });
  });

  it('a pause hands out no slot until it ends, and a shorter pause does not shorten it', async () => {
    const slots = slotsFor('pause', 3);
    await slots.enqueue(due(0));
    await slots.pause(10_000);
    await slots.pause(5_000);
    expect(await slots.take(9_999, LEASE_MS)).toEqual([]);
    expect((await slots.snapshot()).pausedUntilMs).toBe(10_000);
    expect(await slots.take(10_000, LEASE_MS)).toEqual([due(0)]);
  });

  it('a batch take hands out at most the free slots, earliest first, in one go', async () => {
    const slots = slotsFor('batch', 5);
    for (let n = 0; n < 8; n++) await slots.enqueue(due(n));
    expect((await slots.take(0, LEASE_MS, 3)).map((d) => d.callId)).toEqual(['call-000', 'call-001', 'call-002']);
    expect((await slots.take(0, LEASE_MS, 10)).map((d) => d.callId)).toEqual(['call-003', 'call-004']);
    expect(await slots.take(0, LEASE_MS, 10)).toEqual([]);
    expect(await slots.snapshot()).toMatchObject({ inUse: 5 });
  });

  it('scopes are independent', async () => {
    const a = slotsFor('scope-a', 1);
    const b = slotsFor('scope-b', 1);
    await a.enqueue(due(1));
    await b.enqueue(due(2));
    expect(await a.take(0, LEASE_MS)).toEqual([due(1)]);
    expect(await b.take(0, LEASE_MS)).toEqual([due(2)]);
  });
});
