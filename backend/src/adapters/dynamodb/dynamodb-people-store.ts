import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Role } from '@vfc/shared';
import type { PeopleStore, PersonActivity, PersonIdentity, PersonRecord } from '../../ports/people-store.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

const IDENTITY = 'clinicId = :clinicId, userId = :userId, #name = :name, email = :email, #role = :role';
const identityValues = (p: PersonIdentity) => ({ ':clinicId': p.clinicId, ':userId': p.userId, ':name': p.name, ':email': p.email, ':role': p.role });
const NAMES = { '#name': 'name', '#role': 'role' };

/** {@link PeopleStore} on the single table: `PEOPLE#<clinicId>` / `PERSON#<userId>` (upserts, never a read first). */
export class DynamoDbPeopleStore implements PeopleStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(person: PersonIdentity): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.person(person.clinicId, person.userId),
        UpdateExpression: `SET ${IDENTITY}`,
        ExpressionAttributeNames: NAMES,
        ExpressionAttributeValues: identityValues(person),
      }),
    );
  }

  async recordActivity(person: PersonIdentity, at: string): Promise<PersonActivity> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.person(person.clinicId, person.userId),
          UpdateExpression: `SET ${IDENTITY}, lastActiveAt = :at`,
          ConditionExpression: 'attribute_not_exists(disabledAt)',
          ExpressionAttributeNames: NAMES,
          ExpressionAttributeValues: { ...identityValues(person), ':at': at },
        }),
      );
      return 'recorded';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'disabled';
      throw error;
    }
  }

  async disable(person: PersonIdentity, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.person(person.clinicId, person.userId),
        UpdateExpression:
          'SET clinicId = :clinicId, userId = :userId, #name = if_not_exists(#name, :name), email = if_not_exists(email, :email), #role = if_not_exists(#role, :role), disabledAt = if_not_exists(disabledAt, :at)',
        ExpressionAttributeNames: NAMES,
        ExpressionAttributeValues: { ...identityValues(person), ':at': at },
      }),
    );
  }

  async list(clinicId: string): Promise<PersonRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :person)',
      ExpressionAttributeValues: { ':pk': keys.people(clinicId), ':person': 'PERSON#' },
    });
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return items
      .map((item): PersonRecord => {
        const lastActiveAt = text(item.lastActiveAt);
        const disabledAt = text(item.disabledAt);
        return {
          clinicId: String(item.clinicId),
          userId: String(item.userId),
          name: text(item.name) ?? '',
          email: text(item.email) ?? '',
          role: Role.parse(item.role),
          ...(lastActiveAt ? { lastActiveAt } : {}),
          ...(disabledAt ? { disabledAt } : {}),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  }
}
