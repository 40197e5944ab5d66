import { DynamoDbPeopleStore } from '../adapters/dynamodb/dynamodb-people-store.js';
import type { PeopleStore } from '../ports/people-store.js';
import { processTable } from './storage.js';

let cached: PeopleStore | undefined;

/**
 * The clinic's signed-in people on the process's table (`TABLE_NAME`; `DYNAMODB_ENDPOINT` locally), built on first
 * use: the authorizer's activity record and disabled check, and `GET /clinic/staff`. Kept out of the storage
 * composition so the other handlers' bundles leave it out.
 */
export function peopleStore(): PeopleStore {
  const { db, tableName } = processTable();
  return (cached ??= new DynamoDbPeopleStore(db, tableName));
}
