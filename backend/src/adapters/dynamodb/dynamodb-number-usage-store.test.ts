import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../../local/test-support/test-table.js';
import { complianceKeys } from './compliance-keys.js';
import { DynamoDbNumberUsageStore } from './dynamodb-number-usage-store.js';

let table: TestTable;
let store: DynamoDbNumberUsageStore;
beforeAll(async () => {
  table = await createTestTable();
  store = new DynamoDbNumberUsageStore(table.client, table.tableName);
});

const dial = (at: string, callId = 'call-1', attempt = 1, phoneNumber = '+14155550101') => ({ phoneNumber, at, callId, attempt });

describe('DynamoDbNumberUsageStore (DynamoDB Local)', () => {
  it('records a dial once even when recorded twice, and returns dials since an instant, oldest first', async () => {
    await store.recordDial('clinic-a', dial('2026-11-02T10:00:00.000Z', 'c1', 1));
    await store.recordDial('clinic-a', dial('2026-11-20T10:00:00.000Z', 'c1', 2));
    await store.recordDial('clinic-a', dial('2026-11-20T10:00:00.000Z', 'c1', 2));
    await store.recordDial('clinic-a', dial('2026-11-10T10:00:00.000Z', 'c2', 1));
    await store.recordDial('clinic-a', dial('2026-11-10T10:00:00.000Z', 'c3', 1, '+14155550102'));
    await store.recordDial('clinic-b', dial('2026-11-10T10:00:00.000Z', 'c4', 1));

    const since = await store.dialsSince('clinic-a', '+14155550101', new Date('2026-11-05T00:00:00.000Z'));
    expect(since).toEqual([dial('2026-11-10T10:00:00.000Z', 'c2', 1), dial('2026-11-20T10:00:00.000Z', 'c1', 2)]);
    expect(await store.dialsSince('clinic-a', '+14155550101', new Date('2026-01-01T00:00:00.000Z'))).toHaveLength(3);
  });

  it('does not mix a number with a longer number that starts with it', async () => {
    await store.recordDial('clinic-p', dial('2026-11-10T10:00:00.000Z', 'c1', 1, '+1415555010'));
    await store.recordDial('clinic-p', dial('2026-11-10T10:00:00.000Z', 'c2', 1, '+14155550109'));
    expect((await store.dialsSince('clinic-p', '+1415555010', new Date(0))).map((d) => d.callId)).toEqual(['c1']);
  });

  it('releases a dial that never reached the carrier, and sets a TTL 31 days after the dial', async () => {
    const d = dial('2026-11-21T10:00:00.000Z', 'c9', 1, '+14155550177');
    await store.recordDial('clinic-r', d);
    const item = await table.client.send(
      new GetCommand({ TableName: table.tableName, Key: complianceKeys.dial('clinic-r', d.phoneNumber, d.at, d.callId, d.attempt) }),
    );
    expect(item.Item?.expiresAt).toBe(Date.parse(d.at) / 1000 + 31 * 86_400);
    await store.releaseDial('clinic-r', d);
    await store.releaseDial('clinic-r', d);
    expect(await store.dialsSince('clinic-r', d.phoneNumber, new Date(0))).toEqual([]);
  });
});
