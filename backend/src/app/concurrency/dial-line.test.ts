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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('pumpLine on DynamoDB Local slots', () => {
  it('drains a line of 24 with limit 3: never more than 3 at once, in line order, no slot idle between calls', async () => {
    const slots = new DynamoDbDialSlots(table.client, table.tableName, { scope: 'drain', limit: 3 });
    for (let n = 0; n < 24; n++) await slots.enqueue(due(n));
    let live = 0;
    let peak = 0;
    const started: string[] = [];
    const ended: Promise<void>[] = [];
    const CALL_MS = 150;
    // The "provider": a call lasts CALL_MS, then its end frees the slot and serves the line (what call_ended does).
    const dial = async (d: WaitingDial) => {
      started.push(d.callId);
      live += 1;
      peak = Math.max(peak, live);
      ended.push(
        (async () => {
          await sleep(CALL_MS);
          live -= 1;
          await slots.release(d.callId, d.attempt);
          await pumpLine(deps, slots, dial);
        })(),
      );
      return { holds: true, result: 'dialed' };
    };
    const t0 = Date.now();
    await pumpLine(deps, slots, dial);
    while (started.length < 24 || live > 0) await Promise.all(ended.splice(0)).then(() => sleep(5));
    const makespan = Date.now() - t0;

    expect(peak).toBe(3);
    expect(started).toEqual(Array.from({ length: 24 }, (_, n) => due(n).callId));
    // 8 rounds of 150 ms: a slot left idle after a release (no pump) would stall the drain for good; overhead stays small.
    expect(makespan).toBeLessThan(8 * CALL_MS * 3);
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
