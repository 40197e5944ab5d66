import type { AgentDiscrepancy } from '@vfc/shared';

/** Points taken off 100 per finding of the audit (see {@link healthScore}). */
export const HEALTH_PENALTIES = {
  /** A clinic whose configured agent is not active cannot place its calls: the main job is broken for it. */
  clinic_agent_not_active: 30,
  /** Registry and Retell disagree on an agent's voice: calls may sound different than configured. */
  voice_mismatch: 10,
  /** An agent gone from Retell (or without a voice) is still in the registry. */
  orphaned: 10,
  /** Two agents with one name: staff and admins may pick the wrong one. */
  duplicate: 5,
  /** Retell has an agent the registry does not know (the last sync missed it). */
  missing_in_registry: 5,
  /** The audit could not compare with Retell, so it may miss drift. */
  retell_unreachable: 15,
  /** An active agent lacks post-call analysis fields: its calls end without concern / callback / questions, untriaged. */
  analysis_fields_missing: 10,
  /** A Vapi assistant's managed fields drifted (server URL / credential / retries / analysis schema): results may be lost. */
  managed_fields_drift: 10,
  /** A Vapi account could not be read, so the audit may miss drift (as for Retell). */
  vapi_unreachable: 15,
  /** The clinic's knowledge base is not attached to its agent: calls go without the clinic's answers. */
  knowledge_base_detached: 10,
  /** A source ready here is missing at the provider: the agent lacks that answer. */
  knowledge_source_missing: 5,
  /** A source stuck in `syncing`: the sync did not finish it. */
  knowledge_source_stuck: 5,
} as const;

/**
 * The agent registry's health, 0–100 (integer):
 * `0` when the registry has no active agent at all (nothing can dial); otherwise
 * `100 − Σ penalty(kind)` over the discrepancies, with the penalties of {@link HEALTH_PENALTIES}
 * (clinic agent not active 30, voice mismatch 10, orphaned 10, duplicate 5, missing in registry 5,
 * Retell unreachable 15, analysis fields missing 10 per agent, Vapi managed fields drifted 10 per assistant, Vapi
 * unreachable 15; knowledge base detached 10 per clinic, knowledge source missing at the provider or stuck syncing 5
 * each), floored at 0. Vapi assistants are counted in `activeAgents` and their findings use the same kinds. The CDK
 * stack alarms below 70 (METRIC.agentHealthScore).
 */
export function healthScore(discrepancies: readonly AgentDiscrepancy[], activeAgents: number): number {
  if (activeAgents === 0) return 0;
  const penalty = discrepancies.reduce((sum, d) => sum + HEALTH_PENALTIES[d.kind], 0);
  return Math.max(0, Math.min(100, 100 - penalty));
}
