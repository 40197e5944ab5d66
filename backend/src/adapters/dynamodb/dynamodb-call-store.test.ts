import { beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { DuplicateEventError, StaleCallError } from '../../ports/call-store.js';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbCallStore } from './dynamodb-call-store.js';

let store: DynamoDbCallStore;
beforeAll(async () => {
  const table = await createTestTable();
  store = new DynamoDbCallStore(table.client, table.tableName);
});

const at = '2026-11-23T17:00:00.000Z';
function aCall(callId: string, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    callId,
    clinicId: 'clinic-a',
    consultationId: '310382',
    status: 'scheduled',
    scheduledFor: at,
    phoneNumber: '+14155550123',
    petName: 'Rex',
    ownerName: 'Ana Silva',
    attempt: 1,
    attempts: [{ attempt: 1, scheduledFor: at }],
    createdAt: at,
    updatedAt: at,
    version: 0,
    expiresAt: 1_900_000_000,
    ...overrides,
  };
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

  it('lists the scheduled calls of a clinic to one number from an instant on (GSI2), skipping other numbers, states and clinics', async () => {
    const n = '+14155550142';
    await store.create(aCall('s-1', { phoneNumber: n, scheduledFor: '2026-11-24T10:00:00.000Z' }), created);
    await store.create(aCall('s-2', { phoneNumber: n, scheduledFor: '2026-11-22T10:00:00.000Z' }), created);
    await store.create(aCall('s-3', { phoneNumber: n, scheduledFor: '2026-11-25T10:00:00.000Z', status: 'cancelled' }), created);
    await store.create(aCall('s-4', { phoneNumber: '+14155550143', scheduledFor: '2026-11-24T10:00:00.000Z' }), created);
    await store.create(aCall('s-5', { phoneNumber: n, scheduledFor: '2026-11-24T10:00:00.000Z', clinicId: 'clinic-b' }), created);
    const found = await store.listScheduledToNumber('clinic-a', n, new Date('2026-11-23T00:00:00.000Z'));
    expect(found.map((c) => c.callId)).toEqual(['s-1']);
  });
});
