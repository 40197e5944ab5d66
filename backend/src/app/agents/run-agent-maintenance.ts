import type { AgentAuditReport, AgentSyncReport } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';
import { auditAgents } from './audit-agents.js';
import { syncAgents, type SyncAgentsOptions } from './sync-agents.js';

/**
 * What the recurring schedule runs (every `AGENT_SYNC_INTERVAL_HOURS` hours (shared)): sync, then audit. The audit reuses
 * what the sync read from Retell; after a failed sync it reads Retell itself (and reports it unreachable if it still is).
 */
export async function runAgentMaintenance(
  deps: Pick<Dependencies, 'agentDirectory' | 'agentRegistry' | 'clinics' | 'clock' | 'logger'>,
  options: SyncAgentsOptions = {},
): Promise<{ sync: AgentSyncReport; audit: AgentAuditReport }> {
  const { report: sync, snapshot } = await syncAgents(deps, options);
  const audit = await auditAgents(deps, { ...(snapshot ? { snapshot } : {}), ...(options.tag ? { tag: options.tag } : {}) });
  return { sync, audit };
}
