import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RegistryAgent } from '@vfc/shared';
import type { AssistantRegistry } from '../../ports/assistant-registry.js';
import { queryAll } from './query-all.js';
import { keys, withoutKeys } from './keys.js';

/**
 * {@link AssistantRegistry} on the single table: `VAPIAGENT#<clinicId>#<role>` / `AGENT`, listed through GSI1
 * `AGENTS#vapi`. The item's key is the clinic and role, so a conditional put on it is what keeps one assistant per
 * clinic per role.
 */
export class DynamoDbAssistantRegistry implements AssistantRegistry {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<RegistryAgent[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.allVapiAssistants },
    });
    return items.map((item) => RegistryAgent.parse(withoutKeys(item)));
  }

  async get(clinicId: string, role: string): Promise<RegistryAgent | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.vapiAssistant(clinicId, role), ConsistentRead: true }));
    return out.Item ? RegistryAgent.parse(withoutKeys(out.Item)) : undefined;
  }

  async claim(record: RegistryAgent, expectedAgentId: string | undefined): Promise<boolean> {
    const { clinicId, role } = record;
    if (!clinicId || !role) throw new Error('a Vapi assistant record needs clinicId and role');
    const item = { ...RegistryAgent.parse({ ...record, provider: 'vapi' }), ...keys.vapiAssistant(clinicId, role), gsi1pk: keys.allVapiAssistants, gsi1sk: `${clinicId}#${role}` };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: expectedAgentId
            ? 'attribute_not_exists(pk) OR agentId = :mine OR agentId = :expected'
            : 'attribute_not_exists(pk) OR agentId = :mine',
          ExpressionAttributeValues: { ':mine': record.agentId, ...(expectedAgentId ? { ':expected': expectedAgentId } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async remove(clinicId: string, role: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.vapiAssistant(clinicId, role) }));
  }
}
