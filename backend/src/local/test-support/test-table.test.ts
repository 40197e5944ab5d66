import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createTestTable } from './test-table.js';

describe('createTestTable', () => {
  it('gives each caller its own table in the shared DynamoDB Local', async () => {
    const a = await createTestTable();
    const b = await createTestTable();
    expect(a.tableName).not.toBe(b.tableName);
    expect(a.endpoint).toBe(b.endpoint);

    await a.client.send(new PutCommand({ TableName: a.tableName, Item: { pk: 'CALL#1', sk: 'CALL', n: 1 } }));
    const inA = await a.client.send(new GetCommand({ TableName: a.tableName, Key: { pk: 'CALL#1', sk: 'CALL' } }));
    const inB = await b.client.send(new GetCommand({ TableName: b.tableName, Key: { pk: 'CALL#1', sk: 'CALL' } }));
    expect(inA.Item).toEqual({ pk: 'CALL#1', sk: 'CALL', n: 1 });
    expect(inB.Item).toBeUndefined();
  });

  it('hands the endpoint to workers both by inject() and by DYNAMODB_ENDPOINT (vitest 4 forwards globalSetup env)', () => {
    expect(inject('dynamoDbEndpoint')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.DYNAMODB_ENDPOINT).toBe(inject('dynamoDbEndpoint'));
  });
});
