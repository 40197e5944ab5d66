import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { IDEMPOTENCY_TTL_HOURS, TABLE_DESIGN, type CallRecord } from '@vfc/shared';
import {
  DuplicateEventError,
  StaleCallError,
  InvalidCursorError,
  type CallEvent,
  type CallPage,
  type CallStore,
  type ClinicCallsFilter,
  type CreateCallResult,
  type ExpectedCallState,
  type IdempotencyClaim,
  type IdempotentReplay,
  type ScheduledCallRef,
} from '../../ports/call-store.js';
import { queryAll } from './query-all.js';
import { keys, withoutKeys } from './keys.js';

const [GSI1, GSI2, GSI3, GSI4] = TABLE_DESIGN.indexes;

/** Items read per Query round while a filter is on (DynamoDB applies `Limit` before the filter). */
const FILTERED_ROUND_SIZE = 200;

/**
 * A stored call as the app sees it. Calls written before triage existed carry no `attention` /
 * `attentionReasons`: they read as `none` / `[]` (the schema's defaults).
 */
function callFromItem(item: Record<string, unknown>): CallRecord {
  const call = withoutKeys<CallRecord>(item);
  return { ...call, attention: call.attention ?? 'none', attentionReasons: call.attentionReasons ?? [] };
}

/** Opaque cursor of {@link DynamoDbCallStore.listClinicCalls}: the call id and GSI2 sort key of the last item read. */
function encodeCursor(key: Record<string, unknown>): string {
  const callId = String(key.pk).slice('CALL#'.length);
  return Buffer.from(JSON.stringify({ c: callId, s: key[GSI2.sortKey] }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, clinicId: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const { c, s } = (parsed ?? {}) as { c?: unknown; s?: unknown };
  if (typeof c !== 'string' || typeof s !== 'string' || !c || !s.endsWith(`#${c}`)) throw new InvalidCursorError();
  return { ...keys.call(c), [GSI2.partitionKey]: keys.clinicCalls(clinicId), [GSI2.sortKey]: s };
}

/** The Query of a clinic's calls on GSI2 with `filter` as key condition (time range) and filter expression (the rest). */
function clinicCallsQuery(tableName: string, clinicId: string, filter: ClinicCallsFilter): QueryCommandInput {
  const names: Record<string, string> = { '#pk': GSI2.partitionKey };
  const values: Record<string, unknown> = { ':pk': keys.clinicCalls(clinicId) };
  let keyCondition = '#pk = :pk';
  // Sort keys are `<scheduledFor ISO>#<callId>`: `>= from` includes calls at `from`, `< to` excludes calls at `to`.
  if (filter.from || filter.to) {
    names['#sk'] = GSI2.sortKey;
    if (filter.from) values[':from'] = filter.from.toISOString();
    if (filter.to) values[':to'] = filter.to.toISOString();
    keyCondition += filter.from && filter.to ? ' AND #sk BETWEEN :from AND :to' : filter.from ? ' AND #sk >= :from' : ' AND #sk < :to';
  }
  const filters: string[] = [];
  if (filter.statuses?.length) {
    names['#status'] = 'status';
    filter.statuses.forEach((status, i) => (values[`:st${i}`] = status));
    filters.push(`#status IN (${filter.statuses.map((_, i) => `:st${i}`).join(', ')})`);
  }
  if (filter.attention?.length) {
    names['#attention'] = 'attention';
    filter.attention.forEach((level, i) => (values[`:at${i}`] = level));
    const inList = `#attention IN (${filter.attention.map((_, i) => `:at${i}`).join(', ')})`;
    // Calls stored before triage existed have no attribute and read as `none`.
    filters.push(filter.attention.includes('none') ? `(attribute_not_exists(#attention) OR ${inList})` : inList);
  }
  if (filter.resolved !== undefined) {
    names['#resolution'] = 'resolution';
    filters.push(filter.resolved ? 'attribute_exists(#resolution)' : 'attribute_not_exists(#resolution)');
  }
  return {
    TableName: tableName,
    IndexName: GSI2.indexName,
    KeyConditionExpression: keyCondition,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
  };
}

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
    return out.Item ? callFromItem(out.Item) : undefined;
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
    return items.map(callFromItem);
  }

  async listScheduledToNumber(clinicId: string, phoneNumber: string, from: Date): Promise<ScheduledCallRef[]> {
    // GSI4 holds the number's calls of every clinic (a handful), not the clinic's whole follow-up list.
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: GSI4.indexName,
      KeyConditionExpression: '#pk = :phone AND #sk >= :from',
      FilterExpression: '#status = :scheduled AND #clinic = :clinic',
      ExpressionAttributeNames: { '#pk': GSI4.partitionKey, '#sk': GSI4.sortKey, '#status': 'status', '#clinic': 'clinicId' },
      ExpressionAttributeValues: {
        ':phone': phoneNumber,
        ':from': from.toISOString(),
        ':scheduled': 'scheduled',
        ':clinic': clinicId,
      },
    });
    return items.map((item) => ({ callId: String(item.callId), scheduledFor: String(item.scheduledFor) }));
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
    return items.map(callFromItem);
  }

  async listClinicCalls(clinicId: string, filter: ClinicCallsFilter, page: { limit: number; cursor?: string }): Promise<CallPage> {
    const query = clinicCallsQuery(this.tableName, clinicId, filter);
    // `to` is exclusive: BETWEEN is inclusive, but no sort key equals the bare instant (each ends in `#<callId>`),
    // and `<to>#…` sorts after `<to>`, so calls at exactly `to` stay out.
    const items: Record<string, unknown>[] = [];
    let startKey = page.cursor ? decodeCursor(page.cursor, clinicId) : undefined;
    let more = true;
    // DynamoDB filters after `Limit`: keep reading until the page is full or the partition range is exhausted.
    while (items.length < page.limit && more) {
      const out = await this.db.send(
        new QueryCommand({
          ...query,
          Limit: query.FilterExpression ? FILTERED_ROUND_SIZE : page.limit - items.length,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
      more = startKey !== undefined;
    }
    const kept = items.slice(0, page.limit);
    // More may follow when items were left over, or when DynamoDB stopped before the end of the range.
    const last = kept[kept.length - 1];
    const nextCursor = last && (items.length > page.limit || more) ? encodeCursor(last) : undefined;
    return { items: kept.map(callFromItem), ...(nextCursor ? { nextCursor } : {}) };
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
      .map((item) => ({ at: String(item.at), type: String(item.type), dedupeKey: String(item.dedupeKey), detail: item.detail, ...(item.by ? { by: item.by } : {}) }))
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
