import type { RegistryAgent } from '@vfc/shared';
import type { AssistantRegistry } from '../../ports/assistant-registry.js';
import type { Dependencies } from '../dependencies.js';

/** The whole registry (with the Vapi assistant records when `assistants` is given), sorted by `agentName` (case-insensitive) then `agentId`. */
export async function listRegistryAgents(deps: Pick<Dependencies, 'agentRegistry'>, assistants?: AssistantRegistry): Promise<RegistryAgent[]> {
  const agents = [...(await deps.agentRegistry.list()), ...((await assistants?.list()) ?? [])];
  return agents.sort((a, b) => a.agentName.localeCompare(b.agentName, 'en', { sensitivity: 'base' }) || a.agentId.localeCompare(b.agentId));
}
