import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OptOut } from '@vfc/shared';
import type { OptOutStore } from '../../ports/opt-out-store.js';
import { complianceKeys } from './compliance-keys.js';
import { withoutKeys } from './keys.js';
import { queryAll } from './query-all.js';

/** {@link OptOutStore} on the single table: one item per clinic and number, never expired. */
export class DynamoDbOptOutStore implements OptOutStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(clinicId: string, entry: OptOut): Promise<{ entry: OptOut; added: boolean }> {
    const stored = OptOut.parse(entry);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...stored, ...complianceKeys.optOut(clinicId, stored.phoneNumber) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { entry: stored, added: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.get(clinicId, stored.phoneNumber);
      return { entry: existing ?? stored, added: false };
    }
  }

  async remove(clinicId: string, phoneNumber: string): Promise<boolean> {
    const out = await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: complianceKeys.optOut(clinicId, phoneNumber), ReturnValues: 'ALL_OLD' }),
    );
    return out.Attributes !== undefined;
  }

  async list(clinicId: string): Promise<OptOut[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': complianceKeys.optOut(clinicId, '').pk, ':prefix': complianceKeys.optOutPrefix },
    });
    return items.map((item) => OptOut.parse(withoutKeys(item)));
  }

  async isOptedOut(clinicId: string, phoneNumber: string): Promise<boolean> {
    return (await this.get(clinicId, phoneNumber)) !== undefined;
  }

  private async get(clinicId: string, phoneNumber: string): Promise<OptOut | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: complianceKeys.optOut(clinicId, phoneNumber), ConsistentRead: true }),
    );
    return out.Item ? OptOut.parse(withoutKeys(out.Item)) : undefined;
  }
}
