import { CLINIC_FACTS_TITLE, MAX_KNOWLEDGE_SOURCES, renderClinicFacts, type Clinic } from '@vfc/shared';
import type { KnowledgeSourceRecord, KnowledgeStore } from '../../ports/knowledge-store.js';
import type { Clock } from '../../ports/clock.js';
import type { ClinicStore } from '../../ports/clinic-store.js';
import type { KnowledgeSyncQueue } from '../../ports/knowledge-sync-queue.js';
import type { AppLogger } from '../../ports/logger.js';
import { contentHash } from './content-hash.js';
import { requestSync } from './request-sync.js';

/** The fixed id of the clinic's generated facts source (one per clinic). */
export const CLINIC_FACTS_SOURCE_ID = 'clinic-facts';

/**
 * Writes the clinic's generated `clinic_facts` source from its settings when it is missing or its text changed
 * (then `pending`, so the next sync sends it); an unchanged text leaves the record alone.
 * @returns true when the source was written (a sync is needed).
 */
export async function refreshClinicFacts(deps: { knowledge: KnowledgeStore; clock: Clock }, clinic: Clinic): Promise<boolean> {
  const now = deps.clock.now();
  const text = renderClinicFacts(clinic, now);
  const content = { kind: 'clinic_facts' as const, title: CLINIC_FACTS_TITLE, text, bytes: Buffer.byteLength(text, 'utf8') };
  const hash = contentHash(content);
  const existing = await deps.knowledge.getSource(clinic.clinicId, CLINIC_FACTS_SOURCE_ID);
  if (existing && existing.contentHash === hash) return false;
  const at = now.toISOString();
  if (existing) {
    await deps.knowledge.putSource(clinic.clinicId, { ...existing, ...content, contentHash: hash, status: 'pending', error: undefined, updatedAt: at });
    return true;
  }
  const record: KnowledgeSourceRecord = { sourceId: CLINIC_FACTS_SOURCE_ID, ...content, contentHash: hash, status: 'pending', createdAt: at, updatedAt: at };
  // At the cap, the facts wait for a free place (the next refresh adds them).
  return deps.knowledge.addSource(clinic.clinicId, record, MAX_KNOWLEDGE_SOURCES);
}

/**
 * After a change of the clinic's settings: regenerates the clinic facts and, when their text changed, asks for a
 * background sync. Never fails the settings change: an error is logged (the next sync regenerates the facts anyway).
 */
export async function refreshClinicFactsAfterChange(
  deps: { knowledge: KnowledgeStore; clock: Clock; clinics: ClinicStore; syncQueue: KnowledgeSyncQueue; logger: AppLogger },
  clinicId: string,
): Promise<void> {
  try {
    const clinic = await deps.clinics.getClinic(clinicId);
    if (clinic && (await refreshClinicFacts(deps, clinic))) await requestSync(deps, clinicId);
  } catch (error) {
    deps.logger.warn('clinic facts not regenerated', { clinicId, message: (error as Error).message });
  }
}
