import type { ApiKeyDependencies } from '../app/api-keys.js';
import { clockFromEnv } from '../adapters/clock/scaled-clock.js';
import { DynamoDbApiKeyStore } from '../adapters/dynamodb/dynamodb-api-key-store.js';
import { processTable } from './storage.js';

let cached: Pick<ApiKeyDependencies, 'apiKeys' | 'clock'> | undefined;

/**
 * What every HTTP route's API-key check needs, built on first use: the key store on the process's one table client
 * and the backend's clock (the wall clock in AWS).
 */
export function apiKeyUseDependencies(): Pick<ApiKeyDependencies, 'apiKeys' | 'clock'> {
  if (!cached) {
    const { db, tableName } = processTable();
    cached = { apiKeys: new DynamoDbApiKeyStore(db, tableName), clock: clockFromEnv() };
  }
  return cached;
}
