import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Clinic, Role } from '@vfc/shared';
import type { ClinicStore, TokenGrant } from '../../ports/clinic-store.js';
import { queryAll } from './query-all.js';
import { keys, withoutKeys } from './keys.js';

/** {@link ClinicStore} on the single DynamoDB table. */
export class DynamoDbClinicStore implements ClinicStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getClinic(clinicId: string): Promise<Clinic | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.clinic(clinicId) }));
    return out.Item ? Clinic.parse(withoutKeys(out.Item)) : undefined;
  }

  async putClinic(clinic: Clinic): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...Clinic.parse(clinic), ...keys.clinic(clinic.clinicId), gsi1pk: keys.allClinics, gsi1sk: clinic.clinicId },
      }),
    );
  }

  async claimAgentSync(clinicId: string, nowMs: number, untilMs: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.clinic(clinicId),
          UpdateExpression: 'SET agentSyncLeaseUntil = :until',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(agentSyncLeaseUntil) OR agentSyncLeaseUntil < :now)',
          ExpressionAttributeValues: { ':until': untilMs, ':now': nowMs },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async listClinics(): Promise<Clinic[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.allClinics },
    });
    return items.map((item) => Clinic.parse(withoutKeys(item)));
  }

  async findToken(tokenHash: string): Promise<TokenGrant | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.token(tokenHash) }));
    if (!out.Item || out.Item.revokedAt !== undefined) return undefined;
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    const label = text(out.Item.label);
    const keyId = text(out.Item.keyId);
    return { clinicId: String(out.Item.clinicId), role: Role.parse(out.Item.role), ...(label ? { label } : {}), ...(keyId ? { keyId } : {}) };
  }

}
