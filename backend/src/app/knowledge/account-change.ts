import type { KnowledgeDependencies } from './knowledge-dependencies.js';
import { requestSync } from './request-sync.js';

/** What {@link resyncAfterAccountChange} needs: the knowledge store, the sync queue, the clock and the logger. */
export type AccountChangeDeps = Pick<KnowledgeDependencies, 'knowledge' | 'syncQueue' | 'clock' | 'logger'>;

/**
 * After the clinic's calls moved to another provider or account (`PUT /clinic/voice`): what we kept of the old
 * provider's copy (the knowledge base id, each source's provider id and synced hash) belongs to that provider and
 * account, so it is forgotten — the knowledge base record is deleted, every live source goes back to `pending` without
 * its provider state, and a removed source's record is dropped (its copy stays with the old account, which we leave
 * alone: its key may be gone) — then a sync is asked for, which creates the base in the new account and sends every
 * source there. With `forget: false` (a new key for the same account) only the sync is asked for: it finds out itself
 * whether the base is still there.
 */
export async function resyncAfterAccountChange(deps: AccountChangeDeps, clinicId: string, options: { forget: boolean }): Promise<void> {
  if (options.forget) {
    const at = deps.clock.now().toISOString();
    await deps.knowledge.deleteBase(clinicId);
    for (const source of await deps.knowledge.listSources(clinicId, { includeRemoved: true })) {
      if (source.removed) await deps.knowledge.deleteSource(clinicId, source.sourceId);
      else await deps.knowledge.putSource(clinicId, { ...source, status: 'pending', error: undefined, providerSourceId: undefined, syncedHash: undefined, updatedAt: at });
    }
    deps.logger.info('knowledge provider state forgotten after a change of voice account', { clinicId });
  }
  await requestSync(deps, clinicId);
}
