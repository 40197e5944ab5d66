import { ORPHAN_RETENTION_DAYS, type CleanupOrphanedAgentsResponse } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';

const DAY_MS = 86_400_000;

/**
 * Removes orphaned agents orphaned more than {@link ORPHAN_RETENTION_DAYS} days ago (by `orphanedAt`, UTC) from the
 * registry. An orphan some clinic still has configured is kept (removing it would hide why that clinic cannot dial).
 * @returns which orphans were removed and which were kept, each with the reason.
 */
export async function cleanupOrphanedAgents(
  deps: Pick<Dependencies, 'agentRegistry' | 'clinics' | 'clock' | 'logger'>,
): Promise<CleanupOrphanedAgentsResponse> {
  const [registry, clinics] = await Promise.all([deps.agentRegistry.list(), deps.clinics.listClinics()]);
  const now = deps.clock.now().getTime();
  const result: CleanupOrphanedAgentsResponse = { removed: [], kept: [] };
  for (const agent of registry) {
    if (agent.syncStatus !== 'orphaned') continue;
    const entry = { agentId: agent.agentId, agentName: agent.agentName };
    const users = clinics.filter((c) => c.agentId === agent.agentId).map((c) => c.clinicId);
    const orphanedMs = agent.orphanedAt ? Date.parse(agent.orphanedAt) : now;
    const days = Math.floor((now - orphanedMs) / DAY_MS);
    if (users.length) result.kept.push({ ...entry, reason: `still configured by clinic ${users.join(', ')}: choose another agent there first` });
    else if (now - orphanedMs <= ORPHAN_RETENTION_DAYS * DAY_MS) result.kept.push({ ...entry, reason: `orphaned ${days} day(s) ago; removed once older than ${ORPHAN_RETENTION_DAYS} days` });
    else result.removed.push({ ...entry, reason: `orphaned ${days} days ago (${agent.statusReason ?? 'gone from Retell'})` });
  }
  await deps.agentRegistry.removeMany(result.removed.map((r) => r.agentId));
  deps.logger.info('orphaned agents cleaned up', { removed: result.removed.length, kept: result.kept.length });
  return result;
}
