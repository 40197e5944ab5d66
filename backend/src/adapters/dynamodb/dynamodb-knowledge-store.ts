import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_DESIGN } from '@vfc/shared/storage/table-design';
import type { KnowledgeBaseRecord, KnowledgeSourceRecord, KnowledgeStore, KnowledgeUploadRecord } from '../../ports/knowledge-store.js';
import { keys, withoutKeys } from './keys.js';
import { queryAll } from './query-all.js';

/** Attributes of the `KBASE` item that belong to the store's bookkeeping, not to {@link KnowledgeBaseRecord}. */
const BASE_BOOKKEEPING = ['sourceCount', 'syncLeaseUntil', 'resyncRequested'] as const;

/**
 * {@link KnowledgeStore} on the single table: the clinic partition holds one `KSOURCE#` item per source, one `KBASE`
 * item (the provider's knowledge base, the live-source count behind the cap, the sync lease) and `KUPLOAD#` items
 * that expire by TTL.
 */
export class DynamoDbKnowledgeStore implements KnowledgeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listSources(clinicId: string, options: { includeRemoved?: boolean } = {}): Promise<KnowledgeSourceRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.knowledgeBase(clinicId).pk, ':prefix': keys.knowledgeSourcePrefix },
      ConsistentRead: true,
    });
    const sources = items.map((item) => withoutKeys<KnowledgeSourceRecord>(item));
    return options.includeRemoved ? sources : sources.filter((source) => !source.removed);
  }

  async getSource(clinicId: string, sourceId: string): Promise<KnowledgeSourceRecord | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.knowledgeSource(clinicId, sourceId), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<KnowledgeSourceRecord>(out.Item) : undefined;
  }

  async addSource(clinicId: string, source: KnowledgeSourceRecord, max: number): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.knowledgeBase(clinicId),
                UpdateExpression: 'ADD sourceCount :one',
                ConditionExpression: 'attribute_not_exists(sourceCount) OR sourceCount < :max',
                ExpressionAttributeValues: { ':one': 1, ':max': max },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...source, ...keys.knowledgeSource(clinicId, source.sourceId) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [countCheck, put] = error.CancellationReasons ?? [];
      if (put?.Code === 'ConditionalCheckFailed') throw new Error(`Knowledge source ${source.sourceId} already exists`);
      if (countCheck?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async putSource(clinicId: string, source: KnowledgeSourceRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...source, ...keys.knowledgeSource(clinicId, source.sourceId) } }));
  }

  async markRemoved(clinicId: string, sourceId: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.knowledgeSource(clinicId, sourceId),
                UpdateExpression: 'SET removed = :yes, updatedAt = :at',
                ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(removed) OR removed = :no)',
                ExpressionAttributeValues: { ':yes': true, ':no': false, ':at': at },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.knowledgeBase(clinicId),
                UpdateExpression: 'ADD sourceCount :minusOne',
                ExpressionAttributeValues: { ':minusOne': -1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async deleteSource(clinicId: string, sourceId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.knowledgeSource(clinicId, sourceId) }));
  }

  async getBase(clinicId: string): Promise<KnowledgeBaseRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.knowledgeBase(clinicId), ConsistentRead: true }));
    if (!out.Item?.knowledgeBaseId) return undefined;
    const record = withoutKeys<Record<string, unknown>>(out.Item);
    for (const attribute of BASE_BOOKKEEPING) delete record[attribute];
    return record as unknown as KnowledgeBaseRecord;
  }

  async putBase(clinicId: string, base: KnowledgeBaseRecord): Promise<void> {
    // Only the record's own fields: the count and the lease on the same item are left as they are.
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.knowledgeBase(clinicId),
        UpdateExpression: `SET provider = :provider, knowledgeBaseId = :id${base.account ? ', #account = :account' : ''}${base.syncedAt ? ', syncedAt = :syncedAt' : ''}`,
        ExpressionAttributeValues: {
          ':provider': base.provider,
          ':id': base.knowledgeBaseId,
          ...(base.account ? { ':account': base.account } : {}),
          ...(base.syncedAt ? { ':syncedAt': base.syncedAt } : {}),
        },
        ...(base.account ? { ExpressionAttributeNames: { '#account': 'account' } } : {}),
      }),
    );
  }

  async deleteBase(clinicId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.knowledgeBase(clinicId),
        UpdateExpression: 'REMOVE provider, #account, knowledgeBaseId, syncedAt',
        ExpressionAttributeNames: { '#account': 'account' },
      }),
    );
  }

  async putUpload(clinicId: string, upload: KnowledgeUploadRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...upload, ...keys.knowledgeUpload(clinicId, upload.uploadId), [TABLE_DESIGN.ttlAttribute]: upload.expiresAtSeconds },
      }),
    );
  }

  async getUpload(clinicId: string, uploadId: string): Promise<KnowledgeUploadRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.knowledgeUpload(clinicId, uploadId), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const record = withoutKeys<Record<string, unknown>>(out.Item);
    delete record[TABLE_DESIGN.ttlAttribute];
    return record as unknown as KnowledgeUploadRecord;
  }

  async deleteUpload(clinicId: string, uploadId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.knowledgeUpload(clinicId, uploadId) }));
  }

  async claimSync(clinicId: string, nowMs: number, untilMs: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.knowledgeBase(clinicId),
          UpdateExpression: 'SET syncLeaseUntil = :until REMOVE resyncRequested',
          ConditionExpression: 'attribute_not_exists(syncLeaseUntil) OR syncLeaseUntil < :now',
          ExpressionAttributeValues: { ':until': untilMs, ':now': nowMs },
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.knowledgeBase(clinicId),
          UpdateExpression: 'SET resyncRequested = :yes',
          ExpressionAttributeValues: { ':yes': true },
        }),
      );
      return false;
    }
  }

  async releaseSync(clinicId: string, _nowMs: number, untilMs: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.knowledgeBase(clinicId),
          UpdateExpression: 'REMOVE syncLeaseUntil',
          ConditionExpression: 'attribute_not_exists(resyncRequested)',
        }),
      );
      return false;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.knowledgeBase(clinicId),
          UpdateExpression: 'SET syncLeaseUntil = :until REMOVE resyncRequested',
          ExpressionAttributeValues: { ':until': untilMs },
        }),
      );
      return true;
    }
  }
}
