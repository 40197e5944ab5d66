import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { paginateScan, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiKey } from '@vfc/shared';
import type { ApiKeyRevocation, ApiKeyStore, ApiKeyUse, NewApiKey } from '../../ports/api-key-store.js';
import { TOKEN_KEY_PREFIX } from '@vfc/shared/storage/table-design';
import { keys, withoutKeys } from './keys.js';
import { queryAll } from './query-all.js';

/**
 * {@link ApiKeyStore} on the single table: the key's record `APIKEYS#<clinicId>` / `KEY#<keyId>` (what ops list and
 * the handlers update) and its hash lookup `TOKEN#<sha256>` / `TOKEN` (what the authorizer reads), written together.
 */
export class DynamoDbApiKeyStore implements ApiKeyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(key: NewApiKey): Promise<void> {
    const { keyId, clinicId, name, role, tokenHash, createdAt } = key;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.token(tokenHash), clinicId, role, label: name, keyId, createdAt },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.apiKey(clinicId, keyId), keyId, clinicId, name, role, createdAt, tokenHash },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new Error('This token already exists');
      throw error;
    }
  }

  async list(clinicId: string): Promise<ApiKey[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :key)',
      ExpressionAttributeValues: { ':pk': keys.apiKeys(clinicId), ':key': 'KEY#' },
    });
    return items
      .map((item) => ApiKey.parse(withoutKeys<Record<string, unknown>>(item)))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId));
  }

  async revoke(clinicId: string, keyId: string, at: string): Promise<ApiKeyRevocation> {
    let tokenHash: string;
    try {
      // Mark the record first and learn the token's hash from it (ALL_NEW), then the authorizer's lookup.
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.apiKey(clinicId, keyId),
          UpdateExpression: 'SET revokedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      tokenHash = String(out.Attributes?.tokenHash);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return error.Item ? 'already-revoked' : 'missing';
      throw error;
    }
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.token(tokenHash),
        UpdateExpression: 'SET revokedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
    return 'revoked';
  }

  async recordUse(clinicId: string, keyId: string, at: string): Promise<ApiKeyUse> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.apiKey(clinicId, keyId),
          UpdateExpression: 'SET lastUsedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': at },
          // On failure DynamoDB hands back the item as it was: present = revoked, absent = no such key.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'recorded';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return error.Item ? 'revoked' : 'missing';
      throw error;
    }
  }

  async adoptLegacyTokens(clinicId: string, newId: () => string, at: string): Promise<ApiKey[]> {
    const adopted: ApiKey[] = [];
    const pages = paginateScan(
      { client: this.db },
      {
        TableName: this.tableName,
        FilterExpression: 'begins_with(pk, :token) AND sk = :sk AND clinicId = :clinic AND attribute_not_exists(keyId)',
        ExpressionAttributeValues: { ':token': TOKEN_KEY_PREFIX, ':sk': 'TOKEN', ':clinic': clinicId },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const tokenHash = String(item.pk).slice(TOKEN_KEY_PREFIX.length);
        const role = item.role === 'admin' ? 'admin' : 'staff';
        const key = ApiKey.parse({
          keyId: newId(),
          clinicId,
          name: typeof item.label === 'string' && item.label ? item.label.slice(0, 80) : `${role} key`,
          role,
          createdAt: typeof item.createdAt === 'string' ? item.createdAt : at,
          ...(typeof item.revokedAt === 'string' ? { revokedAt: item.revokedAt } : {}),
        });
        try {
          await this.db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: this.tableName,
                    Key: keys.token(tokenHash),
                    UpdateExpression: 'SET keyId = :keyId',
                    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(keyId)',
                    ExpressionAttributeValues: { ':keyId': key.keyId },
                  },
                },
                {
                  Put: {
                    TableName: this.tableName,
                    Item: { ...keys.apiKey(clinicId, key.keyId), ...key, tokenHash },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ],
            }),
          );
          adopted.push(key);
        } catch (error) {
          // Another run adopted it between the scan and this write: nothing to do.
          if (!(error instanceof TransactionCanceledException)) throw error;
        }
      }
    }
    return adopted;
  }
}
