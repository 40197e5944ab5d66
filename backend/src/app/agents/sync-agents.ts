import { missingAnalysisFields, POST_CALL_ANALYSIS_FIELDS, type AgentChange, type AgentSyncReport, type RegistryAgent } from '@vfc/shared';
import { AgentDirectoryError } from '../../ports/agent-directory.js';
import type { Dependencies } from '../dependencies.js';
import { activeRecord, changedFields, REASONS, unusableRecord } from './agent-records.js';
import { flagDuplicates } from './duplicates.js';
import { qualifies, readRetellAgents, type RetellAgentsSnapshot } from './read-retell-agents.js';

/** Options of {@link syncAgents}. */
export interface SyncAgentsOptions {
  /** Only agents carrying this Retell tag are used; the others are recorded as `skipped` (env `RETELL_AGENT_TAG`). */
  tag?: string;
}

export type AgentSyncDeps = Pick<Dependencies, 'agentDirectory' | 'agentRegistry' | 'clock' | 'logger'>;

const change = (agent: Pick<RegistryAgent, 'agentId' | 'agentName'>, reason: string): AgentChange => ({
  agentId: agent.agentId,
  agentName: agent.agentName,
  reason,
});

/**
 * Brings the registry in line with Retell (there are no agent webhooks: this polling is how changes are found).
 * Reads every page of `list-agents` and the full agent of each voice agent first; only then writes. Voice agents with a
 * `voice_id` (and the tag, when configured) become `active`; others are `skipped` with the reason; agents gone from
 * Retell or whose voice was removed become `orphaned`; among active agents with one name the most recently modified
 * is kept and the rest are flagged `duplicateOf`.
 * A Retell failure at any point leaves the registry untouched: the report has `ok: false` and the error.
 * @returns the report, and the snapshot read from Retell (reused by the audit that follows a scheduled sync).
 */
export async function syncAgents(
  deps: AgentSyncDeps,
  options: SyncAgentsOptions = {},
): Promise<{ report: AgentSyncReport; snapshot?: RetellAgentsSnapshot }> {
  const startedAt = deps.clock.now().toISOString();
  let snapshot: RetellAgentsSnapshot;
  try {
    snapshot = await readRetellAgents(deps.agentDirectory, options.tag);
  } catch (error) {
    if (!(error instanceof AgentDirectoryError)) throw error;
    const previous = await deps.agentRegistry.list();
    deps.logger.warn('agent sync aborted: Retell failed, registry left unchanged', { kind: error.kind, status: error.status });
    const report = emptyReport(startedAt, deps.clock.now().toISOString(), previous);
    report.ok = false;
    report.errors.push({ agentId: '', agentName: '', reason: `Retell failed (${error.message}); the registry was left unchanged` });
    report.totals.errors = 1;
    return { report };
  }

  const report = emptyReport(startedAt, startedAt, []);
  const fieldsAdded = await addAnalysisFields(deps, snapshot, options.tag, report);
  const now = deps.clock.now().toISOString();
  const previous = new Map((await deps.agentRegistry.list()).map((a) => [a.agentId, a]));
  const next: RegistryAgent[] = [];
  const listed = new Set<string>();

  for (const summary of snapshot.summaries) {
    const before = previous.get(summary.agentId);
    const refusal = snapshot.refused.get(summary.agentId);
    if (refusal) {
      // Retell refused to show this agent: keep what we had, report it, and do not treat it as deleted.
      listed.add(summary.agentId);
      report.errors.push(change(summary, refusal));
      if (before) next.push(before);
      continue;
    }
    let record: RegistryAgent;
    if (!qualifies(summary, options.tag)) {
      const reason = summary.channel !== 'voice' ? REASONS.chat : REASONS.untagged(options.tag ?? '');
      record = unusableRecord('skipped', reason, now, { summary, previous: before });
    } else {
      const details = snapshot.details.get(summary.agentId);
      if (!details) continue; // deleted between list and get: handled below as gone
      if (details.voiceId) record = activeRecord(details, summary.tags, now);
      else if (before && before.syncStatus !== 'skipped') record = unusableRecord('orphaned', REASONS.voiceRemoved, now, { details, summary, previous: before });
      else record = unusableRecord('skipped', REASONS.noVoice, now, { details, summary, previous: before });
    }
    listed.add(summary.agentId);
    next.push(record);
  }
  for (const before of previous.values()) {
    if (listed.has(before.agentId)) continue;
    next.push(before.syncStatus === 'orphaned' ? { ...before, lastSyncedAt: now } : unusableRecord('orphaned', REASONS.deleted, now, { previous: before }));
  }

  const final = flagDuplicates(next);
  for (const agent of final) {
    const before = previous.get(agent.agentId);
    if (agent.duplicateOf) report.duplicates.push(change(agent, agent.statusReason ?? 'duplicate'));
    if (!before) {
      if (agent.syncStatus === 'active') report.created.push(change(agent, 'new voice agent in Retell'));
      else report.skipped.push(change(agent, agent.statusReason ?? agent.syncStatus));
      continue;
    }
    const added = fieldsAdded.get(agent.agentId);
    if (added) {
      report.updated.push(change(agent, `post-call analysis fields added (${added.join(', ')}) and published`));
      continue;
    }
    const changed = changedFields(before, agent);
    if (changed.length === 0) continue;
    if (agent.syncStatus === 'orphaned' && before.syncStatus !== 'orphaned') report.orphaned.push(change(agent, agent.statusReason ?? 'orphaned'));
    else if (agent.syncStatus === 'skipped' && before.syncStatus !== 'skipped') report.skipped.push(change(agent, agent.statusReason ?? 'skipped'));
    else report.updated.push(change(agent, `${changed.join(', ')} changed`));
  }

  await deps.agentRegistry.putMany(final);
  report.finishedAt = deps.clock.now().toISOString();
  report.totals = {
    inRetell: snapshot.summaries.length,
    created: report.created.length,
    updated: report.updated.length,
    skipped: report.skipped.length,
    orphaned: report.orphaned.length,
    duplicates: report.duplicates.length,
    errors: report.errors.length,
    active: final.filter((a) => a.syncStatus === 'active').length,
  };
  deps.logger.info('agent sync done', { ...report.totals });
  return { report, snapshot };
}

/**
 * Writes our post-call analysis fields (`POST_CALL_ANALYSIS_FIELDS`) into every usable voice agent that lacks one, then
 * publishes the new draft; the snapshot's details are replaced by the published agent so the registry records it.
 * An agent Retell refuses to update is reported in `errors` and keeps its old version.
 * @returns the fields added, by agent id.
 */
async function addAnalysisFields(
  deps: AgentSyncDeps,
  snapshot: RetellAgentsSnapshot,
  tag: string | undefined,
  report: AgentSyncReport,
): Promise<Map<string, string[]>> {
  const added = new Map<string, string[]>();
  for (const summary of snapshot.summaries) {
    const details = snapshot.details.get(summary.agentId);
    if (!details?.voiceId || !qualifies(summary, tag) || snapshot.refused.has(summary.agentId)) continue;
    const missing = missingAnalysisFields(details.analysisFieldNames);
    if (missing.length === 0) continue;
    try {
      const draft = await deps.agentDirectory.setAnalysisFields(summary.agentId, POST_CALL_ANALYSIS_FIELDS);
      await deps.agentDirectory.publishAgent(summary.agentId, draft.version);
      snapshot.details.set(summary.agentId, { ...draft, isPublished: true });
      added.set(summary.agentId, missing);
    } catch (error) {
      if (!(error instanceof AgentDirectoryError)) throw error;
      report.errors.push(change(summary, `could not add the post-call analysis fields: ${error.message}`));
    }
  }
  return added;
}

function emptyReport(startedAt: string, finishedAt: string, registry: RegistryAgent[]): AgentSyncReport {
  return {
    ok: true,
    startedAt,
    finishedAt,
    created: [],
    updated: [],
    skipped: [],
    orphaned: [],
    duplicates: [],
    errors: [],
    totals: {
      inRetell: 0,
      created: 0,
      updated: 0,
      skipped: 0,
      orphaned: 0,
      duplicates: 0,
      errors: 0,
      active: registry.filter((a) => a.syncStatus === 'active').length,
    },
  };
}
