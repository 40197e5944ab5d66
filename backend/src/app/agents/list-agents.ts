import type { RegistryAgent } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';

/** The whole registry, sorted by `agentName` (case-insensitive) then `agentId`. */
export async function listRegistryAgents(deps: Pick<Dependencies, 'agentRegistry'>): Promise<RegistryAgent[]> {
  const agents = await deps.agentRegistry.list();
  return agents.sort((a, b) => a.agentName.localeCompare(b.agentName, 'en', { sensitivity: 'base' }) || a.agentId.localeCompare(b.agentId));
}
