import type { AgentDiscrepancy, Clinic } from '@vfc/shared';
import type { KnowledgeBaseProvider } from '../../ports/knowledge-base-provider.js';
import type { KnowledgeStore } from '../../ports/knowledge-store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppLogger } from '../../ports/logger.js';
import { isBaseOfClinicAccount, knowledgeAgentOf } from './knowledge-account.js';

/** A source `syncing` for longer than this (ms) is reported as stuck. */
export const STUCK_SYNCING_MS = 60 * 60_000;

/** What the knowledge audit reads: our sources and knowledge bases, and the provider's copy. */
export interface KnowledgeDriftDeps {
  knowledge: KnowledgeStore;
  clock: Clock;
  logger: AppLogger;
  /** The clinic's provider; undefined when it has no knowledge sync here (the clinic is skipped). */
  providerFor: (clinic: Clinic) => KnowledgeBaseProvider | undefined;
}

/**
 * Read-only knowledge-base drift of each clinic that has a knowledge base: not attached to the clinic's agent, a
 * source `ready` here whose copy the provider lacks, a source `syncing` for over an hour. A provider that cannot be
 * read for one clinic is logged and that clinic skipped (the agent audit reports Retell being unreachable).
 */
export async function knowledgeDrift(deps: KnowledgeDriftDeps, clinics: readonly Clinic[]): Promise<AgentDiscrepancy[]> {
  const found: AgentDiscrepancy[] = [];
  const nowMs = deps.clock.now().getTime();
  for (const clinic of clinics) {
    const provider = deps.providerFor(clinic);
    const base = provider && (await deps.knowledge.getBase(clinic.clinicId));
    // A base of another provider or account (the clinic switched; the next sync replaces it) is not this one's drift.
    if (!provider || !base || !isBaseOfClinicAccount(base, clinic)) continue;
    const agentId = knowledgeAgentOf(clinic) ?? '';
    const at = { agentId, clinicId: clinic.clinicId };
    try {
      const [attached, remote, sources] = await Promise.all([
        provider.attachedTo(agentId),
        provider.get(base.knowledgeBaseId),
        deps.knowledge.listSources(clinic.clinicId),
      ]);
      if (!attached.includes(base.knowledgeBaseId)) {
        found.push({ kind: 'knowledge_base_detached', ...at, detail: `knowledge base ${base.knowledgeBaseId} is not attached to the agent` });
      }
      const held = new Set((remote?.sources ?? []).map((s) => s.providerSourceId));
      for (const source of sources) {
        if (source.status === 'ready' && (!source.providerSourceId || !held.has(source.providerSourceId))) {
          found.push({ kind: 'knowledge_source_missing', ...at, detail: `source ${source.sourceId} (${source.kind}) is ready here but missing at the provider` });
        }
        if (source.status === 'syncing' && nowMs - Date.parse(source.updatedAt) > STUCK_SYNCING_MS) {
          found.push({ kind: 'knowledge_source_stuck', ...at, detail: `source ${source.sourceId} (${source.kind}) has been syncing since ${source.updatedAt}` });
        }
      }
    } catch (error) {
      deps.logger.warn('knowledge audit could not read the provider', { clinicId: clinic.clinicId, message: (error as Error).message });
    }
  }
  return found;
}
