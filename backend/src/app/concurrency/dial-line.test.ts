import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDialSlots } from '../../adapters/dynamodb/dynamodb-dial-slots.js';
import { createTestTable, type TestTable } from '../../local/test-support/test-table.js';
import type { WaitingDial } from '../../ports/dial-slots.js';
import { pumpLine } from './dial-line.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});

const deps = {
  clock: { now: () => new Date() },
  logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
};
const due = (n: number): WaitingDial => ({ clinicId: 'clinic-a', callId: `c${String(n).padStart(3, '0')}`, attempt: 1, dueAt: '2026-11-23T17:00:00.000Z' });

describe('pumpLine on DynamoDB Local slots', () => {
  it('drains a line of 24 with limit 3: exactly 3 live while calls wait, in line order, each freed slot refilled at once', async () => {
    const slots = new DynamoDbDialSlots(table.client, table.tableName, { scope: 'drain', limit: 3 });
    for (let n = 0; n < 24; n++) await slots.enqueue(due(n));
    const live = new Set<string>();
    const started: string[] = [];
    const liveAfterEachEnd: number[] = [];
    // The "provider": a call stays live until the test ends it; its end frees the slot and serves the line (what
    // call_ended does). No clock: each step waits for the pump it triggered.
    const dial = async (d: WaitingDial) => {
      started.push(d.callId);
      live.add(d.callId);
      return { holds: true, result: 'dialed' };
    };
    await pumpLine(deps, slots, dial);
    while (live.size > 0) {
      const [first] = live;
      live.delete(first!);
      await slots.release(first!, 1);
      await pumpLine(deps, slots, dial);
      liveAfterEachEnd.push(live.size);
    }

    expect(started).toEqual(Array.from({ length: 24 }, (_, n) => due(n).callId));
    // While 21 calls still waited, every end was followed by a new dial on the freed slot (3 live again); then it drains.
    expect(liveAfterEachEnd).toEqual([...Array.from({ length: 21 }, () => 3), 2, 1, 0]);
    expect(await slots.snapshot()).toMatchObject({ inUse: 0, leases: [], waiting: [] });
  });

  it('a dial that gives its slot back (call cancelled meanwhile) makes the pump serve the next one at once', async () => {
    const slots = new DynamoDbDialSlots(table.client, table.tableName, { scope: 'giveback', limit: 1 });
    for (let n = 0; n < 3; n++) await slots.enqueue(due(n));
    const seen: string[] = [];
    const dialled = await pumpLine(deps, slots, async (d) => {
      seen.push(d.callId);
      if (d.callId === 'c002') return { holds: true, result: 'dialed' }; // placed: keeps the slot
      await slots.release(d.callId, d.attempt); // not placed: gives it back
      return { holds: false, result: 'cancelled' };
    });
    expect(seen).toEqual(['c000', 'c001', 'c002']);
    expect(Object.fromEntries(dialled)).toEqual({ 'c000#1': 'cancelled', 'c001#1': 'cancelled', 'c002#1': 'dialed' });
    expect((await slots.snapshot()).inUse).toBe(1);
  });

  it('concurrent pump requests in one process coalesce: the running pump looks again', async () => {
    const slots = new DynamoDbDialSlots(table.client, table.tableName, { scope: 'coalesce', limit: 5 });
    await slots.enqueue(due(0));
    const seen: string[] = [];
    const dial = async (d: WaitingDial) => {
      seen.push(d.callId);
      if (d.callId === 'c000') {
        await slots.enqueue(due(1)); // someone joins while the pump runs…
        expect((await pumpLine(deps, slots, dial)).size).toBe(0); // …their pump returns at once
      }
      return { holds: true, result: 'dialed' };
    };
    await pumpLine(deps, slots, dial);
    expect(seen).toEqual(['c000', 'c001']);
  });
});
