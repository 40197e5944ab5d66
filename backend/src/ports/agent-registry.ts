import type { RegistryAgent } from '@vfc/shared';

/** Our registry of the provider's agents (DynamoDB: `AGENT#<agent_id>` / `AGENT`, all agents via GSI1 `AGENTS`). */
export interface AgentRegistry {
  /** Every agent, sorted by `agentId` (an index query, never a scan). */
  list(): Promise<RegistryAgent[]>;
  get(agentId: string): Promise<RegistryAgent | undefined>;
  /** Creates or replaces agents (batched). */
  putMany(agents: readonly RegistryAgent[]): Promise<void>;
  /** Removes agents; a missing one is a success. */
  removeMany(agentIds: readonly string[]): Promise<void>;
}
