import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createTable } from '../dynamodb/create-table.js';
import { LOCAL_AWS } from '../dynamodb/local-credentials.js';

/** A fresh table in the run's shared DynamoDB Local. */
export interface TestTable {
  /** Unique per call, e.g. `test-3f2a…`. */
  tableName: string;
  /** Document client (marshalls plain JS objects) pointed at DynamoDB Local. */
  client: DynamoDBDocumentClient;
  /** The low-level client under `client`, for adapters that take a DynamoDBClient. */
  rawClient: DynamoDBClient;
  /** DynamoDB Local's HTTP endpoint. */
  endpoint: string;
}

/** The endpoint provided by `global-setup.ts` (vitest `inject`), or `DYNAMODB_ENDPOINT` as a fallback. */
export function testDynamoDbEndpoint(): string {
  const endpoint = inject('dynamoDbEndpoint') ?? process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DynamoDB Local endpoint missing: is global-setup.ts configured as globalSetup?');
  return endpoint;
}

/**
 * Creates a uniquely named table built from `TABLE_DESIGN` in the run's DynamoDB Local, so test files never see
 * each other's items. Call once per file (e.g. in `beforeAll`). Tables are dropped with the in-memory database
 * at the end of the run.
 */
export async function createTestTable(): Promise<TestTable> {
  const endpoint = testDynamoDbEndpoint();
  const rawClient = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
  const tableName = `test-${randomUUID()}`;
  await createTable(rawClient, tableName);
  const client = DynamoDBDocumentClient.from(rawClient, { marshallOptions: { removeUndefinedValues: true } });
  return { tableName, client, rawClient, endpoint };
}
