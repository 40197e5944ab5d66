import type { AgentAuditReport, AgentSyncReport } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';
import { auditAgents, type AuditAgentsOptions } from './audit-agents.js';
import { auditVapiAssistants } from './audit-vapi-assistants.js';
import { syncAgents, type SyncAgentsOptions } from './sync-agents.js';
import { syncVapiAssistants } from './sync-vapi-assistants.js';
import type { VapiRegistryDeps } from './vapi-registry.js';

/** Options of {@link runAgentMaintenance}: the sync's, plus the clinics' knowledge-base drift for the audit. */
export interface AgentMaintenanceOptions extends SyncAgentsOptions {
  /** Knowledge-base drift of the clinics, counted in the audit like its other findings (see {@link AuditAgentsOptions}). */
  knowledgeDrift?: AuditAgentsOptions['knowledgeDrift'];
}

/**
 * What the recurring schedule runs (every `AGENT_SYNC_INTERVAL_HOURS` hours (shared)): sync, then audit. The audit reuses
 * what the sync read from Retell; after a failed sync it reads Retell itself (and reports it unreachable if it still is).
 * With `vapi`, the Vapi clinics' assistants are synced too (`sync.vapi`) and audited into the same report and score;
 * with `options.knowledgeDrift`, so is the clinics' knowledge-base drift (read-only: "Sync now" repairs it).
 */
export async function runAgentMaintenance(
  deps: Pick<Dependencies, 'agentDirectory' | 'agentRegistry' | 'clinics' | 'clock' | 'logger'>,
  options: AgentMaintenanceOptions = {},
  vapi?: VapiRegistryDeps,
): Promise<{ sync: AgentSyncReport; audit: AgentAuditReport }> {
  const { knowledgeDrift, ...syncOptions } = options;
  const { report: sync, snapshot } = await syncAgents(deps, syncOptions);
  if (vapi) sync.vapi = await syncVapiAssistants(vapi);
  const vapiFindings = vapi ? await auditVapiAssistants(vapi) : undefined;
  const audit = await auditAgents(deps, { ...(snapshot ? { snapshot } : {}), ...(options.tag ? { tag: options.tag } : {}), ...(vapiFindings ? { vapi: vapiFindings } : {}), ...(knowledgeDrift ? { knowledgeDrift } : {}) });
  return { sync, audit };
}
