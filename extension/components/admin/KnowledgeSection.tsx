import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { renderClinicFacts, type GetClinicResponse, type KnowledgeSource, type ListKnowledgeResponse } from '@vfc/shared';
import type { ApiResult, FetchLike } from '../../lib/api-client';
import { formatClinicTime } from '../../lib/clinic-time';
import { describeApiFailure } from '../../lib/error-text';
import { adminApi, type AdminApi } from '../../lib/messages';
import { startPoller, type VisibilitySource } from '../../lib/poller';
import { hasActiveSources, knowledgeReadDelay } from './knowledge';
import { statusLabel } from './knowledge-text';
import { KnowledgeFileForm, KnowledgeTextForm, KnowledgeUrlForm } from './KnowledgeAddForms';
import { KnowledgeSourceList } from './KnowledgeSourceList';
import { useAdminLoad } from './use-admin-load';

type Api = Pick<
  AdminApi,
  'listKnowledge' | 'addKnowledgeSource' | 'createKnowledgeUpload' | 'removeKnowledgeSource' | 'syncKnowledge' | 'getClinicSettings' | 'getClinicAsAdmin'
>;

interface Loaded {
  list: ListKnowledgeResponse;
  /** The clinic's IANA zone, for "last synced" (UTC when the settings could not be read). */
  timeZone: string;
  /** The clinic, to preview its generated facts (absent when it could not be read). */
  clinic?: GetClinicResponse;
}

async function loadAll(api: Api): Promise<ApiResult<Loaded>> {
  const [list, settings, clinic] = await Promise.all([api.listKnowledge(), api.getClinicSettings(), api.getClinicAsAdmin()]);
  if (!list.ok) return list;
  return {
    ok: true,
    status: 200,
    data: { list: list.data, timeZone: settings.ok ? settings.data.timezone : 'UTC', ...(clinic.ok ? { clinic: clinic.data } : {}) },
  };
}

/**
 * Admin "Knowledge": what the voice agent may answer from. Lists the sources with their sync status, adds a text, a
 * web page or a document (uploaded straight to storage from this page), removes one after a confirmation, starts a
 * sync ("Sync now") and previews the generated clinic facts. While a source is pending or syncing the list is read
 * again with a bounded, backing-off poller that does not read while the page is hidden (lib/poller.ts).
 * @param props.fetchFn - the upload's `fetch` (tests); `visibility` - the page's visibility (tests).
 */
export function KnowledgeSection(props: { api?: Api; fetchFn?: FetchLike; visibility?: VisibilitySource }) {
  const api = props.api ?? adminApi;
  const { state, reload } = useAdminLoad(() => loadAll(api));
  const [list, setList] = useState<ListKnowledgeResponse | undefined>(undefined);
  /** Bumped to (re)start the poller: after a load that has active sources and after each change. */
  const [pollKey, setPollKey] = useState(0);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | undefined>(undefined);
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [removeErrors, setRemoveErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (state.kind !== 'ok') return;
    setList(state.data.list);
    if (hasActiveSources(state.data.list.items)) setPollKey((key) => key + 1);
  }, [state]);

  useEffect(() => {
    if (pollKey === 0) return;
    let reads = 0;
    const poller = startPoller<ListKnowledgeResponse>({
      read: async () => {
        reads += 1;
        const result = await api.listKnowledge();
        if (!result.ok) return { ok: false };
        setList(result.data);
        return { ok: true, value: result.data };
      },
      nextDelay: (last, failures) => knowledgeReadDelay(last?.items, reads, failures),
      ...(props.visibility ? { visibility: props.visibility } : {}),
    });
    return () => poller.stop();
  }, [pollKey]);

  if (state.kind === 'loading' && !list) return <p className="vfc-muted">{i18n.t('knowledge.loading')}</p>;
  if (state.kind === 'error' && !list) {
    return (
      <div>
        <p className="vfc-error" role="alert" data-testid="knowledge-error">
          {describeApiFailure(state.failure)}
        </p>
        <button type="button" className="vfc-secondary" onClick={reload}>
          {i18n.t('knowledge.tryAgain')}
        </button>
      </div>
    );
  }
  if (!list || state.kind !== 'ok') return null;
  const { timeZone, clinic } = state.data;
  const facts = list.items.find((item) => item.kind === 'clinic_facts');
  const changed = () => setPollKey((key) => key + 1);

  async function syncNow() {
    setSyncing(true);
    setSyncError(undefined);
    const result = await api.syncKnowledge();
    setSyncing(false);
    if (!result.ok) return setSyncError(describeApiFailure(result));
    setList(result.data);
    changed();
  }

  async function remove(source: KnowledgeSource) {
    setRemoving(source.sourceId);
    const result = await api.removeKnowledgeSource(source.sourceId);
    setRemoving(undefined);
    if (!result.ok) return setRemoveErrors({ ...removeErrors, [source.sourceId]: describeApiFailure(result) });
    setRemoveErrors({});
    setList((current) => current && { ...current, items: current.items.filter((item) => item.sourceId !== source.sourceId) });
    changed();
  }

  const added = (source: KnowledgeSource) => {
    setList((current) => current && { ...current, items: [...current.items.filter((item) => item.sourceId !== source.sourceId), source] });
    changed();
  };

  return (
    <div className="vfc-knowledge">
      <dl className="vfc-summary" data-testid="knowledge-summary">
        <div data-row="base">
          <dt>{i18n.t('knowledge.baseId')}</dt>
          <dd>{list.knowledgeBaseId ?? i18n.t('knowledge.notCreated')}</dd>
        </div>
        <div data-row="synced">
          <dt>{i18n.t('knowledge.syncedAt')}</dt>
          <dd>{list.syncedAt ? i18n.t('knowledge.syncedAtValue', [formatClinicTime(list.syncedAt, timeZone), timeZone]) : i18n.t('knowledge.never')}</dd>
        </div>
      </dl>
      <p className="vfc-muted" data-testid="knowledge-count">
        {i18n.t('knowledge.count', [String(list.items.length)])}
      </p>
      <KnowledgeSourceList items={list.items} removing={removing} removeErrors={removeErrors} onRemove={(source) => void remove(source)} />
      <div className="vfc-actions" aria-busy={syncing}>
        <button type="button" className="vfc-secondary" disabled={syncing} onClick={() => void syncNow()}>
          {syncing ? i18n.t('knowledge.syncing') : i18n.t('knowledge.syncNow')}
        </button>
        {syncError && (
          <p className="vfc-error" role="alert" data-testid="knowledge-sync-failure">
            {syncError}
          </p>
        )}
      </div>
      <details data-testid="knowledge-facts">
        <summary>{i18n.t('knowledge.factsPreview')}</summary>
        {facts && <p className="vfc-muted">{i18n.t('knowledge.factsStatus', [statusLabel(facts.status)])}</p>}
        {clinic ? <pre className="vfc-facts">{renderClinicFacts(clinic, new Date())}</pre> : <p className="vfc-muted">{i18n.t('knowledge.factsUnavailable')}</p>}
      </details>
      <KnowledgeTextForm api={api} onAdded={added} />
      <KnowledgeUrlForm api={api} onAdded={added} />
      <KnowledgeFileForm api={api} onAdded={added} {...(props.fetchFn ? { fetchFn: props.fetchFn } : {})} />
    </div>
  );
}
