import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoDbClinicStore } from '../adapters/dynamodb/dynamodb-clinic-store.js';
import { demoClinic } from '../local/seed-demo.js';
import { createTestTable } from '../local/test-support/test-table.js';
import { AppError } from './errors.js';
import { getClinicSummary } from './read-clinic.js';

let clinics: DynamoDbClinicStore;
beforeAll(async () => {
  const table = await createTestTable();
  clinics = new DynamoDbClinicStore(createDocumentClient({ endpoint: table.endpoint }), table.tableName);
  await clinics.putClinic(demoClinic('America/New_York'));
});

describe('getClinicSummary (DynamoDB Local)', () => {
  it('shows staff the clinic without its Retell wiring', async () => {
    const summary = await getClinicSummary({ clinics }, 'demo-clinic');
    expect(summary).toMatchObject({ name: 'Happy Paws Veterinary (demo)', timezone: 'America/New_York', demoMode: true });
    expect(summary).not.toHaveProperty('agentId');
    expect(summary).not.toHaveProperty('fromNumber');
  });

  it('answers 404 for a clinic that does not exist', async () => {
    await expect(getClinicSummary({ clinics }, 'nope')).rejects.toMatchObject({ status: 404 } satisfies Partial<AppError>);
  });
});
