import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IDEMPOTENCY_TTL_HOURS, TABLE_DESIGN, type CallRecord } from '@vfc/shared';
import {
  DuplicateEventError,
  StaleCallError,
  type CallEvent,
  type CallStore,
  type CreateCallResult,
  type ExpectedCallState,
  type IdempotencyClaim,
  type IdempotentReplay,
} from '../../ports/call-store.js';
import { queryAll } from './query-all.js';
import { keys, withoutKeys } from './keys.js';

const [GSI1, GSI2, GSI3] = TABLE_DESIGN.indexes;

/** {@link CallStore} on the single DynamoDB table; conditional writes and transactions, no scans. */
export class DynamoDbCallStore implements CallStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(call: CallRecord, event: CallEvent, idempotency?: IdempotencyClaim): Promise<CreateCallResult> {
    const items = [
      { Put: { TableName: this.tableName, Item: this.callItem(call), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: this.eventItem(call.callId, event, call.expiresAt) } },
    ];
    if (idempotency) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(call.clinicId, idempotency.key),
            callId: call.callId,
            requestHash: idempotency.requestHash,
            expiresAt: Math.floor(Date.parse(call.createdAt) / 1000) + IDEMPOTENCY_TTL_HOURS * 3600,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return { created: true, call };
    } catch (error) {
      if (idempotency && error instanceof TransactionCanceledException && error.CancellationReasons?.[2]?.Code === 'ConditionalCheckFailed') {
        const earlier = await this.findByIdempotencyKey(call.clinicId, idempotency.key);
        if (earlier) return { created: false, ...earlier };
      }
      throw error;
    }
  }

  async findByIdempotencyKey(clinicId: string, key: string): Promise<IdempotentReplay | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.idempotency(clinicId, key), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const call = await this.get(String(out.Item.callId));
    if (!call) return undefined;
    return typeof out.Item.requestHash === 'string' ? { call, requestHash: out.Item.requestHash } : { call };
  }

  async get(callId: string): Promise<CallRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.call(callId), ConsistentRead: true }));
    return out.Item ? withoutKeys<CallRecord>(out.Item) : undefined;
  }

  async findByRetellCallId(retellCallId: string): Promise<CallRecord | undefined> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI3.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI3.partitionKey },
        ExpressionAttributeValues: { ':pk': keys.retellCall(retellCallId) },
        Limit: 1,
      }),
    );
    const item = out.Items?.[0];
    return item ? this.get(String(item.callId)) : undefined;
  }

  async listByConsultation(clinicId: string, consultationId: string): Promise<CallRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: GSI1.indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.consultation(clinicId, consultationId) },
      ScanIndexForward: false,
    });
    return items.map((item) => withoutKeys<CallRecord>(item));
  }

  async listScheduledToNumber(clinicId: string, phoneNumber: string, from: Date): Promise<CallRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: GSI2.indexName,
      KeyConditionExpression: '#pk = :pk AND #sk >= :from',
      FilterExpression: '#status = :scheduled AND #phone = :phone',
      ExpressionAttributeNames: { '#pk': GSI2.partitionKey, '#sk': GSI2.sortKey, '#status': 'status', '#phone': 'phoneNumber' },
      ExpressionAttributeValues: {
        ':pk': keys.clinicCalls(clinicId),
        ':from': from.toISOString(),
        ':scheduled': 'scheduled',
        ':phone': phoneNumber,
      },
    });
    return items.map((item) => withoutKeys<CallRecord>(item));
  }

  async listByScheduledTime(clinicId: string, from: Date, to: Date, statuses: readonly CallRecord['status'][]): Promise<CallRecord[]> {
    const statusValues = Object.fromEntries(statuses.map((status, i) => [`:s${i}`, status]));
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: GSI2.indexName,
      // `~` sorts after the `#<callId>` suffix, so `to` itself is included.
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      FilterExpression: `#status IN (${Object.keys(statusValues).join(', ')})`,
      ExpressionAttributeNames: { '#pk': GSI2.partitionKey, '#sk': GSI2.sortKey, '#status': 'status' },
      ExpressionAttributeValues: { ':pk': keys.clinicCalls(clinicId), ':from': from.toISOString(), ':to': `${to.toISOString()}~`, ...statusValues },
    });
    return items.map((item) => withoutKeys<CallRecord>(item));
  }

  async update(call: CallRecord, expected: ExpectedCallState, event?: CallEvent): Promise<CallRecord> {
    const next = { ...call, version: expected.version + 1 };
    const putCall = {
      TableName: this.tableName,
      Item: this.callItem(next),
      ConditionExpression: '#version = :expected AND #status = :from',
      ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ':expected': expected.version, ':from': expected.status },
    };
    try {
      if (!event) {
        await this.db.send(new PutCommand(putCall));
      } else {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: putCall },
              {
                Put: {
                  TableName: this.tableName,
                  Item: this.eventItem(call.callId, event, call.expiresAt),
                  ConditionExpression: 'attribute_not_exists(sk)',
                },
              },
            ],
          }),
        );
      }
      return next;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StaleCallError(call.callId);
      if (error instanceof TransactionCanceledException) {
        const [callReason, eventReason] = error.CancellationReasons ?? [];
        if (eventReason?.Code === 'ConditionalCheckFailed') throw new DuplicateEventError(event!.dedupeKey);
        if (callReason?.Code === 'ConditionalCheckFailed') throw new StaleCallError(call.callId);
      }
      throw error;
    }
  }

  async appendEvent(callId: string, event: CallEvent): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.eventItem(callId, event),
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new DuplicateEventError(event.dedupeKey);
      throw error;
    }
  }

  async listEvents(callId: string): Promise<CallEvent[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':prefix': keys.callEventPrefix },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? [])
      .map((item) => ({ at: String(item.at), type: String(item.type), dedupeKey: String(item.dedupeKey), detail: item.detail }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  private callItem(call: CallRecord): Record<string, unknown> {
    return {
      ...call,
      ...keys.call(call.callId),
      gsi1pk: keys.consultation(call.clinicId, call.consultationId),
      gsi1sk: call.createdAt,
      gsi2pk: keys.clinicCalls(call.clinicId),
      gsi2sk: `${call.scheduledFor}#${call.callId}`,
      ...(call.retellCallId ? { gsi3pk: keys.retellCall(call.retellCallId), gsi3sk: 'CALL' } : {}),
    };
  }

  private eventItem(callId: string, event: CallEvent, expiresAt?: number): Record<string, unknown> {
    return { ...keys.callEvent(callId, event.dedupeKey), ...event, ...(expiresAt ? { expiresAt } : {}) };
  }
}
