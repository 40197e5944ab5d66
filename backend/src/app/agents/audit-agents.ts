import { missingAnalysisFields, type AgentAuditReport, type AgentDiscrepancy, type Clinic, type DiscrepancyKind } from '@vfc/shared';
import { AgentDirectoryError } from '../../ports/agent-directory.js';
import type { Dependencies } from '../dependencies.js';
import type { VapiFindings } from './audit-vapi-assistants.js';
import { healthScore } from './health-score.js';
import { readRetellAgents, type RetellAgentsSnapshot } from './read-retell-agents.js';

export type AgentAuditDeps = Pick<Dependencies, 'agentDirectory' | 'agentRegistry' | 'clinics' | 'clock' | 'logger'>;

/** Options of {@link auditAgents}. */
export interface AuditAgentsOptions {
  /** What Retell said in the sync that just ran (avoids reading Retell twice); read live when absent. */
  snapshot?: RetellAgentsSnapshot;
  /** Same tag filter as the sync (only tagged agents are expected in the registry as usable). */
  tag?: string;
  /** What the audit of the Vapi clinics' assistants found: counted in the same report and health score. */
  vapi?: VapiFindings;
  /**
   * Knowledge-base drift of the given clinics (`app/knowledge/knowledge-drift.ts`), counted like the other findings;
   * called with the clinics the audit read (so they are not read twice).
   */
  knowledgeDrift?: (clinics: readonly Clinic[]) => Promise<AgentDiscrepancy[]>;
}

/** Plain-words advice per kind, most urgent kinds first (the order recommendations are given in). */
const ADVICE: [DiscrepancyKind, (n: number) => string][] = [
  ['clinic_agent_not_active', (n) => `${n} clinic(s) cannot place calls: their agent is not active. Open the clinic's agent settings and choose a working voice agent; held calls will then be dialled.`],
  ['voice_mismatch', (n) => `${n} agent(s) have a different voice in Retell than in the registry. Run a sync to pick up the change, and check the voice is the one the clinic wants.`],
  ['retell_unreachable', () => 'Retell could not be reached during the audit. Check the Retell API key and Retell\'s status, then run the audit again.'],
  ['analysis_fields_missing', (n) => `${n} agent(s) lack the post-call analysis fields (concern level, callback requested, opt-out, owner questions), so their calls cannot be triaged. Run a sync: it adds the fields and publishes the agent.`],
  ['orphaned', (n) => `${n} agent(s) were deleted in Retell or lost their voice. If no clinic uses them, remove them with "Clean up orphaned agents" (after 7 days).`],
  ['duplicate', (n) => `${n} agent(s) share a name with a newer agent. Rename or delete the older copies in Retell so nobody picks the wrong one.`],
  ['missing_in_registry', (n) => `${n} agent(s) exist in Retell (or are tagged in Vapi) but not in the registry. Run a sync.`],
  ['vapi_unreachable', () => 'A Vapi account could not be read during the audit. Check the Vapi API key and Vapi\'s status, then run the audit again.'],
  ['managed_fields_drift', (n) => `${n} Vapi assistant(s) have a different server URL, credential, retry plan or analysis schema than ours, so call results may be lost. Run a sync: it rewrites only those fields.`],
  ['knowledge_base_detached', (n) => `${n} clinic(s) have a knowledge base that is not attached to their agent, so calls go without the clinic's answers. Run "Sync now" in the clinic's knowledge settings.`],
  ['knowledge_source_missing', (n) => `${n} knowledge source(s) are ready here but missing at the provider. Run "Sync now" in the clinic's knowledge settings to send them again.`],
  ['knowledge_source_stuck', (n) => `${n} knowledge source(s) have been syncing for over an hour. Run "Sync now"; if they stay, check the provider's status.`],
];

/**
 * Read-only audit of the registry against Retell and the clinics: discrepancies (missing in registry, orphaned,
 * duplicates, a clinic's configured agent not active, voice mismatch, an active agent without our post-call analysis
 * fields, Retell unreachable) plus what `options.vapi` found on the Vapi clinics' assistants, the 0–100 health score
 * ({@link healthScore}) and recommendations. Never writes.
 */
export async function auditAgents(deps: AgentAuditDeps, options: AuditAgentsOptions = {}): Promise<AgentAuditReport> {
  const [registry, clinics] = await Promise.all([deps.agentRegistry.list(), deps.clinics.listClinics()]);
  const byId = new Map(registry.map((a) => [a.agentId, a]));
  const discrepancies: AgentDiscrepancy[] = [];

  let snapshot = options.snapshot;
  if (!snapshot) {
    try {
      snapshot = await readRetellAgents(deps.agentDirectory, options.tag);
    } catch (error) {
      if (!(error instanceof AgentDirectoryError)) throw error;
      discrepancies.push({ kind: 'retell_unreachable', agentId: '', detail: `Retell failed during the audit: ${error.message}` });
    }
  }
  if (snapshot) {
    for (const summary of snapshot.summaries) {
      if (!byId.has(summary.agentId)) {
        discrepancies.push({ kind: 'missing_in_registry', agentId: summary.agentId, agentName: summary.agentName, detail: 'listed by Retell, not in the registry' });
      }
    }
    for (const agent of registry) {
      const live = snapshot.details.get(agent.agentId);
      if (agent.syncStatus === 'active' && live?.voiceId && live.voiceId !== agent.voiceId) {
        discrepancies.push({
          kind: 'voice_mismatch',
          agentId: agent.agentId,
          agentName: agent.agentName,
          detail: `registry voice ${agent.voiceId ?? '(none)'}, Retell voice ${live.voiceId}`,
        });
      }
      const missing = live ? missingAnalysisFields(live.analysisFieldNames) : [];
      if (agent.syncStatus === 'active' && missing.length > 0) {
        discrepancies.push({
          kind: 'analysis_fields_missing',
          agentId: agent.agentId,
          agentName: agent.agentName,
          detail: `post-call analysis lacks ${missing.join(', ')}`,
        });
      }
    }
  }
  for (const agent of registry) {
    if (agent.syncStatus === 'orphaned') {
      discrepancies.push({ kind: 'orphaned', agentId: agent.agentId, agentName: agent.agentName, detail: agent.statusReason ?? 'orphaned' });
    }
    if (agent.duplicateOf) {
      discrepancies.push({ kind: 'duplicate', agentId: agent.agentId, agentName: agent.agentName, detail: agent.statusReason ?? `duplicate of ${agent.duplicateOf}` });
    }
  }
  discrepancies.push(...(options.vapi?.discrepancies ?? []));
  for (const clinic of clinics) {
    if (clinic.voice?.provider === 'vapi') continue; // its Vapi assistant is audited on the Vapi side
    const agent = byId.get(clinic.agentId);
    if (agent?.syncStatus === 'active') continue;
    discrepancies.push({
      kind: 'clinic_agent_not_active',
      agentId: clinic.agentId,
      ...(agent ? { agentName: agent.agentName } : {}),
      clinicId: clinic.clinicId,
      detail: agent ? `agent is ${agent.syncStatus}: ${agent.statusReason ?? ''}`.trim() : 'agent is not in the registry (run a sync)',
    });
  }

  if (options.knowledgeDrift) discrepancies.push(...(await options.knowledgeDrift(clinics)));

  const active = registry.filter((a) => a.syncStatus === 'active').length + (options.vapi?.active ?? 0);
  const counts = new Map<DiscrepancyKind, number>();
  for (const d of discrepancies) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const recommendations = ADVICE.filter(([kind]) => counts.has(kind)).map(([kind, say]) => say(counts.get(kind) ?? 0));
  if (active === 0) recommendations.unshift('No active voice agent: no clinic can place calls. Create a voice agent in Retell (with a voice) and run a sync.');
  const report: AgentAuditReport = {
    auditedAt: deps.clock.now().toISOString(),
    healthScore: healthScore(discrepancies, active),
    discrepancies,
    recommendations,
    counts: {
      active,
      orphaned: registry.filter((a) => a.syncStatus === 'orphaned').length + (options.vapi?.strays.length ?? 0),
      skipped: registry.filter((a) => a.syncStatus === 'skipped').length,
      duplicates: registry.filter((a) => a.duplicateOf).length + (options.vapi?.duplicates ?? 0),
      clinics: clinics.length,
    },
  };
  deps.logger.info('agent audit done', { healthScore: report.healthScore, discrepancies: discrepancies.length });
  return report;
}
