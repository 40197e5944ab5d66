import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../../local/test-support/test-table.js';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbDialSlots } from './dynamodb-dial-slots.js';
import { keys } from './keys.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});

const slotsFor = (scope: string, limit: number) => new DynamoDbDialSlots(table.client, table.tableName, { scope, limit });
const due = (n: number, attempt = 1, clinicId = 'clinic-a') => ({ clinicId, callId: `call-${String(n).padStart(3, '0')}`, attempt, dueAt: `2026-11-23T17:00:${String(n % 60).padStart(2, '0')}.000Z` });
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

describe('DynamoDbDialSlots: round-robin across clinics (DynamoDB Local)', () => {
  /** Call ids are unique across clinics (as ours are): `<clinic>-<n>`. */
  const of = (clinicId: string, n: number) => ({ ...due(n, 1, clinicId), callId: `${clinicId}-${n}` });

  it("serves one call per clinic per round: a clinic with 30 waiting cannot hold three small clinics' calls behind it", async () => {
    const slots = slotsFor('rr-burst', 8);
    for (let n = 0; n < 30; n++) await slots.enqueue(of('big', n));
    for (const clinic of ['s1', 's2', 's3']) for (const n of [40, 41]) await slots.enqueue(of(clinic, n));
    // First take: every clinic is new (never served) → by clinic id: big, s1, s2, s3, then the second round.
    const first = await slots.take(0, LEASE_MS, 8);
    expect(first.map((d) => d.callId)).toEqual(['big-0', 's1-40', 's2-40', 's3-40', 'big-1', 's1-41', 's2-41', 's3-41']);
    const snap = await slots.snapshot();
    expect(snap.waiting).toHaveLength(28);
    expect(snap.waiting.every((d) => d.clinicId === 'big')).toBe(true);
  });

  it('a clinic served last goes to the back of the rotation: a newly waiting clinic is served before it', async () => {
    const slots = slotsFor('rr-back', 1);
    for (let n = 0; n < 3; n++) await slots.enqueue(of('big', n));
    expect(await slots.take(0, LEASE_MS)).toEqual([of('big', 0)]);
    await slots.enqueue(of('late', 50));
    await slots.release('big-0', 1);
    expect(await slots.take(0, LEASE_MS)).toEqual([of('late', 50)]);
    await slots.release('late-50', 1);
    expect(await slots.take(0, LEASE_MS)).toEqual([of('big', 1)]);
  });

  it('a clinic whose line emptied leaves the rotation and joins it again with its next call', async () => {
    const slots = slotsFor('rr-rejoin', 5);
    await slots.enqueue(of('solo', 0));
    expect(await slots.take(0, LEASE_MS, 5)).toEqual([of('solo', 0)]);
    expect(await slots.isWaiting(of('solo', 0))).toBe(false);
    await slots.enqueue(of('solo', 1));
    expect(await slots.isWaiting(of('solo', 1))).toBe(true);
    expect(await slots.take(0, LEASE_MS, 5)).toEqual([of('solo', 1)]);
  });

  it('an entry whose clinic never reached the rotation (a crash between the two writes) is not waiting; joining again repairs it', async () => {
    const slots = slotsFor('rr-crash', 2);
    const dial = of('crashed', 3);
    await table.client.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: keys.dialQueue('rr-crash', 'crashed'), sk: keys.dialQueueEntry(dial.dueAt, dial.callId, 1), ...dial } }),
    );
    expect(await slots.isWaiting(dial)).toBe(false);
    expect(await slots.take(0, LEASE_MS)).toEqual([]);
    await slots.enqueue(dial);
    expect(await slots.isWaiting(dial)).toBe(true);
    expect(await slots.take(0, LEASE_MS)).toEqual([dial]);
  });

  it('a call joining while a taker removes its emptied clinic from the rotation stays in the rotation and is served', async () => {
    // The taker's client runs the joiner at the worst moment: right before the taker deletes the rotation entry.
    const joiner = slotsFor('rr-leave', 2);
    const late = of('x', 9);
    let injected = false;
    const client = {
      send: async (command: { input: { Key?: { pk?: string } } }) => {
        if (!injected && command instanceof DeleteCommand && command.input.Key?.pk === keys.dialRotation('rr-leave')) {
          injected = true;
          await joiner.enqueue(late);
        }
        return table.client.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    const taker = new DynamoDbDialSlots(client, table.tableName, { scope: 'rr-leave', limit: 2 });
    await joiner.enqueue(of('x', 1));
    expect(await taker.take(0, LEASE_MS, 2)).toEqual([of('x', 1)]); // drains x's line → x leaves the rotation
    expect(injected).toBe(true);
    expect(await joiner.isWaiting(late)).toBe(true);
    expect(await taker.take(0, LEASE_MS, 2)).toEqual([late]);
  });

  it('joiners racing takers that empty their clinic\'s line: 120 dials over 6 clinics are each taken exactly once', async () => {
    const slots = slotsFor('rr-race', 4);
    const dials = Array.from({ length: 120 }, (_, n) => of(`c${n % 6}`, n));
    const taken: string[] = [];
    let joined = 0;
    const joiner = async () => {
      while (joined < dials.length) {
        const dial = dials[joined++]!;
        await slots.enqueue(dial);
      }
    };
    const taker = async () => {
      while (taken.length < dials.length) {
        const got = await slots.take(0, LEASE_MS, 2);
        for (const d of got) {
          taken.push(`${d.clinicId}/${d.callId}`);
          await slots.release(d.callId, d.attempt);
        }
        if (got.length === 0 && joined >= dials.length && (await slots.snapshot()).waiting.length === 0) break;
      }
    };
    await Promise.all([joiner(), joiner(), joiner(), taker(), taker(), taker()]);
    expect(taken).toHaveLength(120);
    expect(new Set(taken).size).toBe(120);
    expect(await slots.snapshot()).toMatchObject({ inUse: 0, waiting: [] });
  });
});
