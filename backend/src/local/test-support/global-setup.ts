import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../dynamodb/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** HTTP endpoint of the one DynamoDB Local shared by the backend test run. */
    dynamoDbEndpoint: string;
  }
}

/**
 * vitest globalSetup for the `backend` project: starts ONE in-memory DynamoDB Local for the whole run and hands
 * its endpoint to test files via `inject('dynamoDbEndpoint')` (also `process.env.DYNAMODB_ENDPOINT` in this
 * process). Test files get their own table with `createTestTable()` from `./test-table.js`.
 * @returns the teardown that kills DynamoDB Local.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  return () => dynamo.stop();
}
