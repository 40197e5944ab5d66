import type { RegistryAgent } from '@vfc/shared';

/** Agent names compare trimmed and case-insensitively ("Follow-up " and "follow-up" are the same name). */
export const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * Flags duplicate active agents: among active agents with the same name, the most recently modified
 * (`lastModificationTimestamp`, ties broken by the smaller `agentId`) is kept and every other one gets `duplicateOf`
 * (the kept agent's id) and a reason. Non-duplicates lose any earlier flag. Inactive agents are returned as they are.
 * Pure: returns new records.
 */
export function flagDuplicates(agents: readonly RegistryAgent[]): RegistryAgent[] {
  const keeperByName = new Map<string, RegistryAgent>();
  for (const agent of agents) {
    if (agent.syncStatus !== 'active' || !agent.agentName.trim()) continue;
    const key = nameKey(agent.agentName);
    const current = keeperByName.get(key);
    if (!current || isNewer(agent, current)) keeperByName.set(key, agent);
  }
  return agents.map((agent) => {
    const { duplicateOf: _old, ...rest } = agent;
    if (agent.syncStatus !== 'active') return agent;
    const keeper = keeperByName.get(nameKey(agent.agentName));
    if (!keeper || keeper.agentId === agent.agentId) {
      const { statusReason, ...clean } = rest;
      return statusReason?.startsWith('duplicate of') ? clean : rest;
    }
    return {
      ...rest,
      duplicateOf: keeper.agentId,
      statusReason: `duplicate of "${keeper.agentName}" (${keeper.agentId}), which was modified more recently`,
    };
  });
}

function isNewer(a: RegistryAgent, b: RegistryAgent): boolean {
  if (a.lastModificationTimestamp !== b.lastModificationTimestamp) return a.lastModificationTimestamp > b.lastModificationTimestamp;
  return a.agentId < b.agentId;
}
