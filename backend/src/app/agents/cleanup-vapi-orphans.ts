import type { CleanupOrphanedAgentsResponse } from '@vfc/shared';
import { VoiceAccountError } from '../../ports/voice-account.js';
import { auditVapiAssistants } from './audit-vapi-assistants.js';
import type { VapiRegistryDeps } from './vapi-registry.js';

/**
 * Deletes our tagged assistants that no clinic uses (the audit's strays: in the platform's Vapi account, tagged for a
 * clinic that is gone, back on Retell, or now on its own Vapi account) — right away, when an admin asks: the tag
 * proves they are ours, and a sync recreates a clinic's assistant if it comes back. An assistant Vapi refuses to
 * delete (e.g. 409 `assistant_pinned`) is kept with the reason. Orphaned registry records are removed too.
 * Untagged assistants and the assistants clinics use are never touched.
 * @returns the deleted assistants (`removed`) and the ones kept, each with the reason.
 */
export async function cleanupVapiOrphans(deps: VapiRegistryDeps): Promise<CleanupOrphanedAgentsResponse> {
  const result: CleanupOrphanedAgentsResponse = { removed: [], kept: [] };
  const { strays } = await auditVapiAssistants(deps);
  for (const { handle, assistant, reason } of strays) {
    const entry = { agentId: assistant.id, agentName: assistant.name ?? '' };
    try {
      await handle.port.deleteAssistant(assistant.id);
      result.removed.push({ ...entry, reason: `deleted in Vapi: ${reason}` });
      deps.logger.info('vapi stray assistant deleted', { assistantId: assistant.id, account: handle.account });
    } catch (error) {
      if (!(error instanceof VoiceAccountError)) throw error;
      result.kept.push({ ...entry, reason: `Vapi refused to delete it (${error.message}); delete it in the Vapi dashboard` });
      deps.logger.warn('vapi stray assistant not deleted', { assistantId: assistant.id, account: handle.account, status: error.status });
    }
  }
  const kept = new Set(result.kept.map((k) => k.agentId));
  for (const record of await deps.assistants.list()) {
    if (record.syncStatus !== 'orphaned' || !record.clinicId || !record.role || kept.has(record.agentId)) continue;
    await deps.assistants.remove(record.clinicId, record.role);
    deps.logger.info('vapi orphaned record removed', { clinicId: record.clinicId, assistantId: record.agentId });
  }
  deps.logger.info('vapi orphans cleaned up', { removed: result.removed.length, kept: result.kept.length });
  return result;
}
