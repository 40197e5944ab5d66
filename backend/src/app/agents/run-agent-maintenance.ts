import type { AgentAuditReport, AgentSyncReport } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';
import { auditAgents } from './audit-agents.js';
import { auditVapiAssistants } from './audit-vapi-assistants.js';
import { syncAgents, type SyncAgentsOptions } from './sync-agents.js';
import { syncVapiAssistants } from './sync-vapi-assistants.js';
import type { VapiRegistryDeps } from './vapi-registry.js';

/**
 * What the recurring schedule runs (every `AGENT_SYNC_INTERVAL_HOURS` hours (shared)): sync, then audit. The audit reuses
 * what the sync read from Retell; after a failed sync it reads Retell itself (and reports it unreachable if it still is).
 * With `vapi`, the Vapi clinics' assistants are synced too (`sync.vapi`) and audited into the same report and score.
 */
export async function runAgentMaintenance(
  deps: Pick<Dependencies, 'agentDirectory' | 'agentRegistry' | 'clinics' | 'clock' | 'logger'>,
  options: SyncAgentsOptions = {},
  vapi?: VapiRegistryDeps,
): Promise<{ sync: AgentSyncReport; audit: AgentAuditReport }> {
  const { report: sync, snapshot } = await syncAgents(deps, options);
  if (vapi) sync.vapi = await syncVapiAssistants(vapi);
  const vapiFindings = vapi ? await auditVapiAssistants(vapi) : undefined;
  const audit = await auditAgents(deps, { ...(snapshot ? { snapshot } : {}), ...(options.tag ? { tag: options.tag } : {}), ...(vapiFindings ? { vapi: vapiFindings } : {}) });
  return { sync, audit };
}
