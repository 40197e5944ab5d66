import type { KnowledgeDependencies } from './knowledge-dependencies.js';

/**
 * Asks for a background sync of the clinic's knowledge base. A failure to queue is logged, not thrown: the change is
 * stored, and the next sync (the next change, or "Sync now") carries it to the provider.
 */
export async function requestSync(deps: Pick<KnowledgeDependencies, 'syncQueue' | 'logger'>, clinicId: string): Promise<void> {
  try {
    await deps.syncQueue.enqueue(clinicId);
  } catch (error) {
    deps.logger.warn('knowledge sync could not be queued', { clinicId, message: (error as Error).message });
  }
}
