import { beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { addSdkCallObserver, observeSdkClient } from '../aws/sdk-call-observers.js';
import { demoClinic } from '../../local/seed-demo.js';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbCallRequestReads } from './dynamodb-call-request-reads.js';
import { DynamoDbCallStore } from './dynamodb-call-store.js';
import { DynamoDbClinicStore } from './dynamodb-clinic-store.js';
import { DynamoDbOptOutStore } from './dynamodb-opt-out-store.js';
import { aCallRecord } from '../../local/test-support/test-calls.js';

let reads: DynamoDbCallRequestReads;
let calls: DynamoDbCallStore;
let clinics: DynamoDbClinicStore;
let optOuts: DynamoDbOptOutStore;
beforeAll(async () => {
  const table = await createTestTable();
  observeSdkClient(table.rawClient);
  calls = new DynamoDbCallStore(table.client, table.tableName);
  clinics = new DynamoDbClinicStore(table.client, table.tableName);
  optOuts = new DynamoDbOptOutStore(table.client, table.tableName);
  reads = new DynamoDbCallRequestReads(table.client, table.tableName, calls);
});

const at = '2026-11-23T17:00:00.000Z';
const clinic = (clinicId: string) => ({ ...demoClinic('America/New_York'), clinicId });
const aCall = (callId: string, clinicId: string): CallRecord => aCallRecord(at, { callId, clinicId, phoneNumber: '+14155550123' });

/** The DynamoDB operations `fn` sends, in order. */
async function operationsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = addSdkCallObserver((call) => seen.push(call.command));
  try {
    await fn();
  } finally {
    stop();
  }
  return seen;
}

describe('DynamoDbCallRequestReads (DynamoDB Local)', () => {
  it('answers as the three stores do: the clinic, the opt-out and the key’s earlier call with its fingerprint', async () => {
    await clinics.putClinic(clinic('r-1'));
    await optOuts.add('r-1', { phoneNumber: '+14155550101', reason: 'Asked', createdAt: at, source: 'staff' });
    await calls.create(aCall('call-r1', 'r-1'), { at, type: 'created', dedupeKey: 'created' }, { key: 'key-r1-abcdef', requestHash: 'hash-1' });

    const facts = await reads.read('r-1', '+14155550101', 'key-r1-abcdef');
    expect(facts).toEqual({
      clinic: await clinics.getClinic('r-1'),
      optedOut: true,
      earlier: await calls.findByIdempotencyKey('r-1', 'key-r1-abcdef'),
    });
    expect(facts.earlier?.requestHash).toBe('hash-1');
  });

  it('answers "nothing there" for a missing clinic, a number not on the list, an unseen key and no key', async () => {
    expect(await reads.read('r-missing', '+14155550101', 'key-unseen-123')).toEqual({ optedOut: false });
    expect(await reads.read('r-missing', '+14155550101')).toEqual({ optedOut: false });
  });

  it('keeps clinics apart: another clinic’s opt-out and idempotency key are not this clinic’s', async () => {
    await clinics.putClinic(clinic('r-2'));
    await optOuts.add('r-3', { phoneNumber: '+14155550102', reason: 'Asked', createdAt: at, source: 'staff' });
    await calls.create(aCall('call-r3', 'r-3'), { at, type: 'created', dedupeKey: 'created' }, { key: 'key-shared-123', requestHash: 'h' });
    expect(await reads.read('r-2', '+14155550102', 'key-shared-123')).toEqual({ clinic: await clinics.getClinic('r-2'), optedOut: false });
  });

  it('sends one BatchGetItem when the key is unseen, and one GetItem more (its call) when it was seen', async () => {
    await clinics.putClinic(clinic('r-4'));
    await calls.create(aCall('call-r4', 'r-4'), { at, type: 'created', dedupeKey: 'created' }, { key: 'key-r4-abcdef', requestHash: 'h' });
    expect(await operationsOf(() => reads.read('r-4', '+14155550104', 'key-r4-unseen'))).toEqual(['BatchGetItemCommand']);
    expect(await operationsOf(() => reads.read('r-4', '+14155550104', 'key-r4-abcdef'))).toEqual(['BatchGetItemCommand', 'GetItemCommand']);
  });
});
