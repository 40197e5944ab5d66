import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NUMBER_CAP_WINDOW_DAYS } from '@vfc/shared';
import type { DialRecord, NumberUsageStore } from '../../ports/number-usage-store.js';
import { complianceKeys } from './compliance-keys.js';
import { queryAll } from './query-all.js';

/** Rounds of {@link DynamoDbNumberUsageStore.recordDialUnderCap} before giving up (each lost only to a concurrent commit). */
const MAX_RESERVE_TRIES = 8;

/** Dial records outlive the cap's window by a day, then DynamoDB's TTL removes them (epoch seconds). */
const KEEP_SECONDS = (NUMBER_CAP_WINDOW_DAYS + 1) * 86_400;

/**
 * {@link NumberUsageStore} on the single table: one item per dial under the clinic, sorted by number then time, so
 * "dials to this number since T" is one key-range query (`DIAL#<e164>#<T>` … `DIAL#<e164>#~`).
 */
export class DynamoDbNumberUsageStore implements NumberUsageStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordDial(clinicId: string, dial: DialRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.item(clinicId, dial) }));
  }

  /**
   * Optimistic concurrency on the number's version item: read the version, then the window's dials; record the dial
   * and bump the version in ONE transaction conditioned on the version read. A concurrent reservation that committed
   * in between fails the condition and this one starts over (the second read then counts it), so two racers for the
   * last place never both pass, and never both lose. At most {@link MAX_RESERVE_TRIES} rounds.
   * @throws Error when every round lost to a concurrent reservation (the caller's run is retried).
   */
  async recordDialUnderCap(clinicId: string, dial: DialRecord, cap: number, since: Date): Promise<{ recorded: true } | { recorded: false; dials: DialRecord[] }> {
    const versionKey = complianceKeys.dialVersion(clinicId, dial.phoneNumber);
    for (let round = 0; round < MAX_RESERVE_TRIES; round++) {
      const got = await this.db.send(new GetCommand({ TableName: this.tableName, Key: versionKey, ConsistentRead: true }));
      const version = typeof got.Item?.version === 'number' ? got.Item.version : undefined;
      const dials = await this.dialsSince(clinicId, dial.phoneNumber, since);
      if (dials.some((d) => d.callId === dial.callId && d.attempt === dial.attempt)) return { recorded: true };
      if (dials.length >= cap) return { recorded: false, dials };
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.tableName, Item: this.item(clinicId, dial) } },
              {
                Update: {
                  TableName: this.tableName,
                  Key: versionKey,
                  UpdateExpression: 'SET version = :next',
                  ConditionExpression: version === undefined ? 'attribute_not_exists(pk)' : 'version = :read',
                  ExpressionAttributeValues: { ':next': (version ?? 0) + 1, ...(version === undefined ? {} : { ':read': version }) },
                },
              },
            ],
          }),
        );
        return { recorded: true };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // Another reservation for this number committed first: count again.
      }
    }
    throw new Error(`Could not reserve a dial after ${MAX_RESERVE_TRIES} rounds of concurrent reservations for one number`);
  }

  private item(clinicId: string, dial: DialRecord) {
    const at = new Date(dial.at);
    return {
      ...this.key(clinicId, dial),
      type: 'dial',
      phoneNumber: dial.phoneNumber,
      at: at.toISOString(),
      callId: dial.callId,
      attempt: dial.attempt,
      expiresAt: Math.floor(at.getTime() / 1000) + KEEP_SECONDS,
    };
  }

  async releaseDial(clinicId: string, dial: DialRecord): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(clinicId, dial) }));
  }

  async dialsSince(clinicId: string, phoneNumber: string, since: Date): Promise<DialRecord[]> {
    const prefix = complianceKeys.dialPrefix(phoneNumber);
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': complianceKeys.optOut(clinicId, '').pk,
        ':from': `${prefix}${since.toISOString()}`,
        ':to': `${prefix}~`,
      },
      ConsistentRead: true,
    });
    return items.map((item) => ({ phoneNumber: String(item.phoneNumber), at: String(item.at), callId: String(item.callId), attempt: Number(item.attempt) }));
  }

  private key(clinicId: string, dial: DialRecord) {
    return complianceKeys.dial(clinicId, dial.phoneNumber, new Date(dial.at).toISOString(), dial.callId, dial.attempt);
  }
}
