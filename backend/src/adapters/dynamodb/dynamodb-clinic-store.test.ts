import { beforeAll, describe, expect, it } from 'vitest';
import { demoClinic } from '../../local/seed-demo.js';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbClinicStore } from './dynamodb-clinic-store.js';

let store: DynamoDbClinicStore;
beforeAll(async () => {
  const table = await createTestTable();
  store = new DynamoDbClinicStore(table.client, table.tableName);
});

const T = Date.parse('2026-12-04T15:00:00.000Z');
const clinic = (clinicId: string) => ({ ...demoClinic('America/New_York'), clinicId });

describe('DynamoDbClinicStore agent-sync lease (DynamoDB Local)', () => {
  it('of two claims at the same moment exactly one wins', async () => {
    await store.putClinic(clinic('lease-a'));
    const results = await Promise.all([store.claimAgentSync('lease-a', T, T + 60_000), store.claimAgentSync('lease-a', T, T + 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a live lease refuses a claim; an expired one does not', async () => {
    await store.putClinic(clinic('lease-b'));
    expect(await store.claimAgentSync('lease-b', T, T + 60_000)).toBe(true);
    expect(await store.claimAgentSync('lease-b', T + 59_999, T + 120_000)).toBe(false);
    expect(await store.claimAgentSync('lease-b', T + 60_001, T + 120_000)).toBe(true);
  });

  it("the save's put ends the lease, and the clinic reads back without it", async () => {
    await store.putClinic(clinic('lease-c'));
    expect(await store.claimAgentSync('lease-c', T, T + 60_000)).toBe(true);
    await store.putClinic((await store.getClinic('lease-c'))!);
    expect(await store.getClinic('lease-c')).toEqual(clinic('lease-c'));
    expect(await store.claimAgentSync('lease-c', T + 1, T + 60_000)).toBe(true);
  });

  it('no lease is taken for a clinic that does not exist', async () => {
    expect(await store.claimAgentSync('no-such-clinic', T, T + 60_000)).toBe(false);
  });
});
