import { beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { DuplicateEventError, InvalidCursorError, StaleCallError } from '../../ports/call-store.js';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbCallStore } from './dynamodb-call-store.js';
import { aCallRecord } from '../../local/test-support/test-calls.js';

let store: DynamoDbCallStore;
beforeAll(async () => {
  const table = await createTestTable();
  store = new DynamoDbCallStore(table.client, table.tableName);
});

const at = '2026-11-23T17:00:00.000Z';
function aCall(callId: string, overrides: Partial<CallRecord> = {}): CallRecord {
  return aCallRecord(at, { callId, clinicId: 'clinic-a', phoneNumber: '+14155550123', ...overrides });
}
const created = { at, type: 'created', dedupeKey: 'created' };

describe('DynamoDbCallStore (DynamoDB Local)', () => {
  it('writes a call once per idempotency key and returns the earlier call for a replay', async () => {
    const first = await store.create(aCall('c-1'), created, { key: 'key-abcdefgh', requestHash: 'hash-1' });
    const replay = await store.create(aCall('c-2'), created, { key: 'key-abcdefgh', requestHash: 'hash-2' });
    expect(first.created).toBe(true);
    expect(replay).toMatchObject({ created: false, call: { callId: 'c-1' }, requestHash: 'hash-1' });
    expect(await store.get('c-2')).toBeUndefined();
    expect(await store.findByIdempotencyKey('clinic-a', 'key-abcdefgh')).toMatchObject({ call: { callId: 'c-1' }, requestHash: 'hash-1' });
    expect(await store.findByIdempotencyKey('clinic-a', 'key-unknown')).toBeUndefined();
  });

  it('scopes idempotency keys to the clinic', async () => {
    await store.create(aCall('c-3'), created, { key: 'shared-key-1', requestHash: 'h' });
    const other = await store.create(aCall('c-4', { clinicId: 'clinic-b' }), created, { key: 'shared-key-1', requestHash: 'h' });
    expect(other.created).toBe(true);
  });

  it('refuses an update from a stale version and keeps the winner', async () => {
    await store.create(aCall('c-5'), created);
    await store.update({ ...aCall('c-5'), status: 'dialing' }, { version: 0, status: 'scheduled' });
    await expect(store.update({ ...aCall('c-5'), status: 'cancelled' }, { version: 0, status: 'scheduled' })).rejects.toBeInstanceOf(StaleCallError);
    // The right version but another status than the one stored is refused too (the status is part of the condition).
    await expect(store.update({ ...aCall('c-5'), status: 'cancelled' }, { version: 1, status: 'scheduled' })).rejects.toBeInstanceOf(StaleCallError);
    expect(await store.get('c-5')).toMatchObject({ status: 'dialing', version: 1 });
  });

  it('records an event once: a second delivery is a DuplicateEventError and changes nothing', async () => {
    await store.create(aCall('c-6'), created);
    const event = { at: '2026-11-23T17:00:05.000Z', type: 'retell.call_started', dedupeKey: 'call_x#call_started' };
    await store.update({ ...aCall('c-6'), status: 'in_progress' }, { version: 0, status: 'scheduled' }, event);
    await expect(store.update({ ...aCall('c-6'), status: 'failed' }, { version: 1, status: 'in_progress' }, event)).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await store.get('c-6')).toMatchObject({ status: 'in_progress', version: 1 });
    expect((await store.listEvents('c-6')).map((e) => e.type)).toEqual(['created', 'retell.call_started']);
  });

  it('finds calls by consultation (newest first, clinic-scoped) and by Retell call id', async () => {
    await store.create(aCall('c-7', { consultationId: '999', createdAt: '2026-11-23T10:00:00.000Z' }), created);
    await store.create(aCall('c-8', { consultationId: '999', createdAt: '2026-11-23T11:00:00.000Z', retellCallId: 'call_abc' }), created);
    await store.create(aCall('c-9', { consultationId: '999', clinicId: 'clinic-b' }), created);
    expect((await store.listByConsultation('clinic-a', '999')).map((c) => c.callId)).toEqual(['c-8', 'c-7']);
    expect((await store.findByRetellCallId('call_abc'))?.callId).toBe('c-8');
  });

  it('lists the scheduled calls of a clinic to one number from an instant on (GSI4) as ids and slots, skipping other numbers, states and clinics', async () => {
    const n = '+14155550142';
    await store.create(aCall('s-1', { phoneNumber: n, scheduledFor: '2026-11-24T10:00:00.000Z' }), created);
    await store.create(aCall('s-2', { phoneNumber: n, scheduledFor: '2026-11-22T10:00:00.000Z' }), created);
    await store.create(aCall('s-3', { phoneNumber: n, scheduledFor: '2026-11-25T10:00:00.000Z', status: 'cancelled' }), created);
    await store.create(aCall('s-4', { phoneNumber: '+14155550143', scheduledFor: '2026-11-24T10:00:00.000Z' }), created);
    await store.create(aCall('s-5', { phoneNumber: n, scheduledFor: '2026-11-24T10:00:00.000Z', clinicId: 'clinic-b' }), created);
    const found = await store.listScheduledToNumber('clinic-a', n, new Date('2026-11-23T00:00:00.000Z'));
    expect(found).toEqual([{ callId: 's-1', scheduledFor: '2026-11-24T10:00:00.000Z' }]);
  });

  it('follows an update: a call moved to a new slot is listed at it, a call no longer scheduled is not listed', async () => {
    const n = '+14155550144';
    const from = new Date('2026-11-23T00:00:00.000Z');
    await store.create(aCall('m-1', { phoneNumber: n, scheduledFor: '2026-11-24T10:00:00.000Z' }), created);
    await store.create(aCall('m-2', { phoneNumber: n, scheduledFor: '2026-11-24T11:00:00.000Z' }), created);
    await store.update(aCall('m-1', { phoneNumber: n, scheduledFor: '2026-11-26T09:00:00.000Z', version: 1 }), { version: 0, status: 'scheduled' });
    await store.update(aCall('m-2', { phoneNumber: n, status: 'cancelled', version: 1 }), { version: 0, status: 'scheduled' });
    expect(await store.listScheduledToNumber('clinic-a', n, from)).toEqual([{ callId: 'm-1', scheduledFor: '2026-11-26T09:00:00.000Z' }]);
  });

  describe('listClinicCalls (GSI2, newest first)', () => {
    const clinicId = 'clinic-list';
    const t = (minute: number) => new Date(Date.parse('2026-12-01T10:00:00.000Z') + minute * 60_000).toISOString();
    beforeAll(async () => {
      // l-0..l-9 at minutes 0..9; odd ones need review and the even ones are resolved; one call of another clinic.
      for (let i = 0; i < 10; i++) {
        await store.create(
          aCall(`l-${i}`, {
            clinicId,
            scheduledFor: t(i),
            status: i % 2 ? 'failed' : 'completed',
            attention: i % 2 ? 'review' : 'none',
            attentionReasons: i % 2 ? ['unreachable'] : [],
            ...(i % 2 ? {} : { resolution: { resolvedAt: t(20), resolvedBy: 'Front desk' } }),
          }),
          created,
        );
      }
      await store.create(aCall('l-other', { clinicId: 'clinic-elsewhere', scheduledFor: t(5) }), created);
    });
    const ids = (page: { items: CallRecord[] }) => page.items.map((c) => c.callId);

    it('bounds by from (inclusive) and to (exclusive), newest first, one clinic only', async () => {
      const page = await store.listClinicCalls(clinicId, { from: new Date(t(3)), to: new Date(t(6)) }, { limit: 50 });
      expect(ids(page)).toEqual(['l-5', 'l-4', 'l-3']);
      expect(page.nextCursor).toBeUndefined();
    });

    it('fills a filtered page with exactly limit items and continues after the cursor', async () => {
      const first = await store.listClinicCalls(clinicId, { attention: ['review'] }, { limit: 2 });
      expect(ids(first)).toEqual(['l-9', 'l-7']);
      const second = await store.listClinicCalls(clinicId, { attention: ['review'] }, { limit: 2, cursor: first.nextCursor });
      expect(ids(second)).toEqual(['l-5', 'l-3']);
      const third = await store.listClinicCalls(clinicId, { attention: ['review'] }, { limit: 2, cursor: second.nextCursor });
      expect(ids(third)).toEqual(['l-1']);
      expect(third.nextCursor).toBeUndefined();
    });

    it('filters by status and by resolution', async () => {
      expect(ids(await store.listClinicCalls(clinicId, { statuses: ['completed'], resolved: false }, { limit: 50 }))).toEqual([]);
      expect(ids(await store.listClinicCalls(clinicId, { statuses: ['failed', 'completed'], resolved: true }, { limit: 3 }))).toEqual(['l-8', 'l-6', 'l-4']);
    });

    it('refuses a cursor it did not issue', async () => {
      await expect(store.listClinicCalls(clinicId, {}, { limit: 5, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(store.listClinicCalls(clinicId, {}, { limit: 5, cursor: '%%%' })).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });
});
