import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RegistryAgent } from '@vfc/shared';
import type { AgentRegistry } from '../../ports/agent-registry.js';
import { queryAll } from './query-all.js';
import { keys, withoutKeys } from './keys.js';

/** DynamoDB's BatchWriteItem limit: 25 requests per call. */
const BATCH_SIZE = 25;
const MAX_UNPROCESSED_ROUNDS = 8;

/** {@link AgentRegistry} on the single table: `AGENT#<agent_id>` / `AGENT`, listed through GSI1 `AGENTS` / `<agent_id>`. */
export class DynamoDbAgentRegistry implements AgentRegistry {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<RegistryAgent[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.allAgents },
    });
    return items.map((item) => RegistryAgent.parse(withoutKeys(item)));
  }

  async get(agentId: string): Promise<RegistryAgent | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.agent(agentId), ConsistentRead: true }));
    return out.Item ? RegistryAgent.parse(withoutKeys(out.Item)) : undefined;
  }

  async putMany(agents: readonly RegistryAgent[]): Promise<void> {
    await this.write(
      agents.map((agent) => ({
        PutRequest: {
          Item: { ...RegistryAgent.parse(agent), ...keys.agent(agent.agentId), gsi1pk: keys.allAgents, gsi1sk: agent.agentId },
        },
      })),
    );
  }

  async removeMany(agentIds: readonly string[]): Promise<void> {
    await this.write(agentIds.map((agentId) => ({ DeleteRequest: { Key: keys.agent(agentId) } })));
  }

  /** BatchWriteItem in chunks of 25, re-sending unprocessed items (throttling) a few rounds. */
  private async write(requests: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH_SIZE) {
      let pending = requests.slice(i, i + BATCH_SIZE);
      for (let round = 0; pending.length > 0; round++) {
        if (round === MAX_UNPROCESSED_ROUNDS) throw new Error(`DynamoDB left ${pending.length} agent writes unprocessed`);
        if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** round));
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending as never } }));
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as Record<string, unknown>[];
      }
    }
  }
}
