import type { RegistryAgent } from '@vfc/shared';
import type { AgentDetails, AgentSummary } from '../../ports/agent-directory.js';

/** Plain-words reasons stored in `statusReason` (shown to admins). */
export const REASONS = {
  chat: 'chat agent: it cannot place phone calls',
  noVoice: 'no voice_id: not a voice agent',
  voiceRemoved: 'its voice was removed in Retell',
  deleted: 'deleted in Retell (no longer listed)',
  notFound: 'not found in Retell',
  untagged: (tag: string) => `not tagged "${tag}" (only agents with that tag are used)`,
  backInRetell: 'back in Retell with a voice',
} as const;

/** The registry record of a voice-enabled agent: `active`, from Retell's full agent. `now` is UTC ISO. */
export function activeRecord(details: AgentDetails, tags: string[], now: string): RegistryAgent {
  return {
    agentId: details.agentId,
    agentName: details.agentName,
    ...(details.voiceId ? { voiceId: details.voiceId } : {}),
    version: details.version,
    isPublished: details.isPublished,
    ...(details.language ? { language: details.language } : {}),
    lastModificationTimestamp: details.lastModificationTimestamp,
    lastSyncedAt: now,
    syncStatus: 'active',
    tags,
  };
}

/**
 * The record of an agent that cannot place calls: `skipped` (never was usable) or `orphaned` (was active; keeps the
 * first `orphanedAt`). Built from the full agent when we have it, else from the list summary or the previous record.
 */
export function unusableRecord(
  status: 'skipped' | 'orphaned',
  reason: string,
  now: string,
  source: { details?: AgentDetails; summary?: AgentSummary; previous?: RegistryAgent },
): RegistryAgent {
  const { details, summary, previous } = source;
  const { voiceId: _voice, duplicateOf: _dup, orphanedAt: previousOrphanedAt, ...base } = previous ?? ({} as Partial<RegistryAgent>);
  return {
    ...base,
    agentId: details?.agentId ?? summary?.agentId ?? previous?.agentId ?? '',
    agentName: details?.agentName ?? summary?.agentName ?? previous?.agentName ?? '',
    version: details?.version ?? previous?.version ?? 0,
    isPublished: details?.isPublished ?? previous?.isPublished ?? false,
    ...(details?.language ? { language: details.language } : {}),
    lastModificationTimestamp: details?.lastModificationTimestamp ?? summary?.userModifiedTimestamp ?? previous?.lastModificationTimestamp ?? 0,
    lastSyncedAt: now,
    syncStatus: status,
    statusReason: reason,
    tags: summary?.tags ?? previous?.tags ?? [],
    ...(status === 'orphaned' ? { orphanedAt: previousOrphanedAt ?? now } : {}),
  };
}

/** Fields whose change makes a sync report an agent as `updated`. */
const COMPARED: (keyof RegistryAgent)[] = [
  'agentName',
  'voiceId',
  'version',
  'isPublished',
  'language',
  'lastModificationTimestamp',
  'syncStatus',
  'statusReason',
  'duplicateOf',
];

/** Names of the compared fields that differ between two records of one agent (empty: nothing changed). */
export function changedFields(before: RegistryAgent, after: RegistryAgent): string[] {
  const changed = COMPARED.filter((field) => before[field] !== after[field]).map(String);
  if (before.tags.join('\u0000') !== after.tags.join('\u0000')) changed.push('tags');
  return changed;
}
