import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProvisioningStores } from '../../app/provision-clinic.js';
import { DynamoDbApiKeyStore } from './dynamodb-api-key-store.js';
import { DynamoDbClinicStore } from './dynamodb-clinic-store.js';

/** Where `provisionClinic` writes on the single table: the clinic store and the API key store. */
export function dynamoDbProvisioningStores(db: DynamoDBDocumentClient, tableName: string): ProvisioningStores {
  return { clinics: new DynamoDbClinicStore(db, tableName), apiKeys: new DynamoDbApiKeyStore(db, tableName) };
}
