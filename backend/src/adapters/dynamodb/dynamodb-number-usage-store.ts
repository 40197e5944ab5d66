import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NUMBER_CAP_WINDOW_DAYS } from '@vfc/shared';
import type { DialRecord, NumberUsageStore } from '../../ports/number-usage-store.js';
import { complianceKeys } from './compliance-keys.js';
import { queryAll } from './query-all.js';

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
    const at = new Date(dial.at);
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...this.key(clinicId, dial),
          type: 'dial',
          phoneNumber: dial.phoneNumber,
          at: at.toISOString(),
          callId: dial.callId,
          attempt: dial.attempt,
          expiresAt: Math.floor(at.getTime() / 1000) + KEEP_SECONDS,
        },
      }),
    );
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
