import type { Clinic } from '@vfc/shared';
import { requireClinic } from '../read-clinic.js';
import type { KnowledgeBaseProvider, OutgoingKnowledgeSource, ProviderKnowledgeBase } from '../../ports/knowledge-base-provider.js';
import type { KnowledgeBaseRecord, KnowledgeSourceRecord } from '../../ports/knowledge-store.js';
import { voiceAccountOf } from '../voice/voice-accounts.js';
import { isBaseOfClinicAccount, knowledgeAgentOf } from './knowledge-account.js';
import { refreshClinicFacts } from './clinic-facts.js';
import type { KnowledgeSyncDependencies } from './knowledge-dependencies.js';
import { isCopyOf, knowledgeBaseName, providerFileName, providerTitle } from './provider-names.js';

/** How long one sync holds the clinic's lease, in ms (a crashed sync frees it after this). */
export const SYNC_LEASE_MS = 5 * 60_000;
/** Status reads after sending one source before leaving it `syncing` for the next sync. */
export const MAX_STATUS_READS = 60;
/** Wait between two status reads, in ms (the local stack shortens it through the composition). */
export const STATUS_READ_INTERVAL_MS = 2_000;

/** What one sync did, by our source ids. `skipped`: why nothing ran (another sync holds the lease, or no provider support). */
export interface KnowledgeSyncReport {
  sent: string[];
  unchanged: string[];
  removed: string[];
  errors: { sourceId: string; message: string }[];
  knowledgeBaseId?: string;
  attached?: boolean;
  skipped?: 'busy' | 'unsupported_provider';
}

const emptyReport = (): KnowledgeSyncReport => ({ sent: [], unchanged: [], removed: [], errors: [] });

/**
 * Brings the provider's knowledge base in step with the clinic's sources, idempotently: the clinic facts are
 * regenerated first; the knowledge base is created once in the account the clinic calls through (and again if it
 * vanished or the clinic changed provider or account, then every source is re-sent); removed sources are deleted there; a source is sent only when the provider lacks its
 * current content (content hash); each sent source is followed until the provider finished indexing it (`ready`) or
 * refused it (`error` with the provider's message, retried by the next sync); copies the provider holds that no
 * source claims are deleted; finally the base is attached to the clinic's agent. One sync per clinic at a time (a
 * lease); a sync asked for meanwhile runs right after.
 * @throws AppError 404 when the clinic does not exist; provider errors outside a single source propagate (the
 *   asynchronous invocation is retried).
 */
export async function syncKnowledge(deps: KnowledgeSyncDependencies, clinicId: string): Promise<KnowledgeSyncReport> {
  const nowMs = () => deps.clock.now().getTime();
  if (!(await deps.knowledge.claimSync(clinicId, nowMs(), nowMs() + SYNC_LEASE_MS))) return { ...emptyReport(), skipped: 'busy' };
  let report: KnowledgeSyncReport;
  try {
    do report = await syncOnce(deps, clinicId);
    while (await deps.knowledge.releaseSync(clinicId, nowMs(), nowMs() + SYNC_LEASE_MS));
  } catch (error) {
    // Let the lease go (twice when a sync was asked for meanwhile: the flag is cleared by the first release).
    if (await deps.knowledge.releaseSync(clinicId, nowMs(), nowMs() + SYNC_LEASE_MS)) await deps.knowledge.releaseSync(clinicId, nowMs(), nowMs());
    throw error;
  }
  return report;
}

async function syncOnce(deps: KnowledgeSyncDependencies, clinicId: string): Promise<KnowledgeSyncReport> {
  const report = emptyReport();
  const clinic = await requireClinic(deps, clinicId);
  const provider = deps.providerFor(clinic);
  const providerName = clinic.voice?.provider ?? 'retell';
  const account = voiceAccountOf(clinic);
  if (!provider) return { ...report, skipped: 'unsupported_provider' };
  await refreshClinicFacts(deps, clinic);

  let base = await deps.knowledge.getBase(clinicId);
  let remote = base && isBaseOfClinicAccount(base, clinic) ? await provider.get(base.knowledgeBaseId) : undefined;
  if (!remote) {
    // First sync, a new provider or account, or the provider lost the base: a new one, and every source is sent again.
    const knowledgeBaseId = await provider.create(knowledgeBaseName(clinic));
    base = { provider: providerName, account, knowledgeBaseId };
    await deps.knowledge.putBase(clinicId, base);
    remote = { knowledgeBaseId, status: 'ready', sources: [], errors: [] };
    deps.logger.info('knowledge base created', { clinicId, provider: providerName });
  }
  const knowledgeBaseId = remote.knowledgeBaseId;
  report.knowledgeBaseId = knowledgeBaseId;
  const held = new Set(remote.sources.map((s) => s.providerSourceId));

  const sources = await deps.knowledge.listSources(clinicId, { includeRemoved: true });
  for (const source of sources.filter((s) => s.removed)) {
    try {
      if (source.providerSourceId && held.has(source.providerSourceId)) await provider.deleteSource(knowledgeBaseId, source.providerSourceId);
      // The document goes before the record, so a failure here leaves the record for the next sync to retry.
      if (source.objectKey) await deps.files.delete(source.objectKey);
      await deps.knowledge.deleteSource(clinicId, source.sourceId);
      report.removed.push(source.sourceId);
    } catch (error) {
      deps.logger.warn('knowledge source not yet removed at the provider', { clinicId, sourceId: source.sourceId, reason: (error as Error).message });
    }
  }

  const claimed = new Set<string>();
  for (const source of sources.filter((s) => !s.removed)) {
    const current = source.providerSourceId && held.has(source.providerSourceId) && source.syncedHash === source.contentHash;
    if (current && source.status === 'ready') {
      claimed.add(source.providerSourceId!);
      report.unchanged.push(source.sourceId);
      continue;
    }
    const outcome = await sendSource(deps, provider, clinicId, knowledgeBaseId, source, held);
    if (outcome.providerSourceId) claimed.add(outcome.providerSourceId);
    if (outcome.error) report.errors.push({ sourceId: source.sourceId, message: outcome.error });
    else report.sent.push(source.sourceId);
  }

  // Copies no source claims: a replaced version, a removed source whose delete was lost, a duplicate of a crashed send.
  const after = await provider.get(knowledgeBaseId);
  for (const orphan of (after?.sources ?? []).filter((s) => !claimed.has(s.providerSourceId))) {
    await provider.deleteSource(knowledgeBaseId, orphan.providerSourceId).catch((error: Error) =>
      deps.logger.warn('stray knowledge copy not deleted', { clinicId, reason: error.message }),
    );
  }

  report.attached = await attach(deps, provider, clinic, knowledgeBaseId);
  await deps.knowledge.putBase(clinicId, { provider: providerName, account, knowledgeBaseId, syncedAt: deps.clock.now().toISOString() });
  deps.logger.info('knowledge synced', { clinicId, sent: report.sent.length, unchanged: report.unchanged.length, removed: report.removed.length, errors: report.errors.length });
  return report;
}

/** Sends one source (replacing an older copy), follows the indexing and stores the outcome on the source. */
async function sendSource(
  deps: KnowledgeSyncDependencies,
  provider: KnowledgeBaseProvider,
  clinicId: string,
  knowledgeBaseId: string,
  source: KnowledgeSourceRecord,
  held: ReadonlySet<string>,
): Promise<{ providerSourceId?: string; error?: string }> {
  const save = (patch: Partial<KnowledgeSourceRecord>) =>
    deps.knowledge.putSource(clinicId, { ...source, ...patch, updatedAt: deps.clock.now().toISOString() });
  try {
    if (source.providerSourceId && held.has(source.providerSourceId)) await provider.deleteSource(knowledgeBaseId, source.providerSourceId);
    await save({ status: 'syncing', error: undefined, providerSourceId: undefined });
    await provider.addSources(knowledgeBaseId, [await outgoing(deps, source)]);
    const indexed = await followIndexing(deps, provider, knowledgeBaseId, source);
    const copy = indexed?.sources.find((remote) => isCopyOf(remote, source));
    const state = indexed && stateOf(indexed, source);
    if (copy && state === 'ready') {
      await save({ status: 'ready', error: undefined, providerSourceId: copy.providerSourceId, syncedHash: source.contentHash });
      return { providerSourceId: copy.providerSourceId };
    }
    if (!indexed || state === 'indexing') {
      // Still indexing after every read: left `syncing`; the next sync looks again (the audit reports it if it stays).
      return copy ? { providerSourceId: copy.providerSourceId } : {};
    }
    const message = copy?.error ?? (indexed.errors.join('; ') || 'The provider could not index this source');
    await save({ status: 'error', error: message, syncedHash: undefined });
    return { error: message, ...(copy ? { providerSourceId: copy.providerSourceId } : {}) };
  } catch (error) {
    const message = (error as Error).message || 'The provider refused this source';
    await save({ status: 'error', error: message, providerSourceId: undefined, syncedHash: undefined });
    deps.logger.warn('knowledge source refused by the provider', { clinicId, sourceId: source.sourceId, reason: message });
    return { error: message };
  }
}

/**
 * Where the provider stands with `source`: its copy's own state when the provider reports one per source (Vapi's file
 * status), otherwise the whole base's (Retell).
 */
function stateOf(base: ProviderKnowledgeBase, source: KnowledgeSourceRecord): ProviderKnowledgeBase['status'] {
  return base.sources.find((remote) => isCopyOf(remote, source))?.status ?? base.status;
}

/**
 * Reads the base until the provider finished indexing `source` (`ready` or `error`, see {@link stateOf}), at most
 * {@link MAX_STATUS_READS} times.
 */
async function followIndexing(
  deps: KnowledgeSyncDependencies,
  provider: KnowledgeBaseProvider,
  knowledgeBaseId: string,
  source: KnowledgeSourceRecord,
): Promise<ProviderKnowledgeBase | undefined> {
  let latest: ProviderKnowledgeBase | undefined;
  for (let read = 0; read < MAX_STATUS_READS; read++) {
    latest = await provider.get(knowledgeBaseId);
    if (!latest || stateOf(latest, source) !== 'indexing') return latest;
    await deps.wait(STATUS_READ_INTERVAL_MS);
  }
  return latest;
}

async function outgoing(deps: KnowledgeSyncDependencies, source: KnowledgeSourceRecord): Promise<OutgoingKnowledgeSource> {
  if (source.kind === 'url') return { type: 'url', url: source.url! };
  if (source.kind === 'file') return { type: 'file', fileName: providerFileName(source), bytes: await deps.files.read(source.objectKey!) };
  return { type: 'text', title: providerTitle(source), text: source.text ?? '' };
}

/**
 * Attaches the base to the agent the clinic dials: its Vapi assistant or the agent in its own Retell workspace
 * (`voice.agentId`), else its platform Retell agent. @returns whether it is attached (a failure is logged; the audit
 * reports it).
 */
async function attach(deps: KnowledgeSyncDependencies, provider: KnowledgeBaseProvider, clinic: Clinic, knowledgeBaseId: string): Promise<boolean> {
  const agentId = knowledgeAgentOf(clinic);
  if (!agentId) return false;
  try {
    await provider.attach(agentId, knowledgeBaseId);
    return true;
  } catch (error) {
    deps.logger.warn('knowledge base not attached to the agent', { clinicId: clinic.clinicId, reason: (error as Error).message });
    return false;
  }
}
