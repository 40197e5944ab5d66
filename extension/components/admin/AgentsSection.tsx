import { useState } from 'react';
import { i18n } from '#i18n';
import {
  ORPHAN_RETENTION_DAYS,
  type AgentAuditReport,
  type AgentSyncReport,
  type AgentSyncStatus,
  type CleanupOrphanedAgentsResponse,
  type RegistryAgent,
} from '@vfc/shared';
import type { ApiResult } from '../../lib/api-client';
import { formatClinicTime } from '../../lib/clinic-time';
import { describeApiFailure } from '../../lib/error-text';
import { adminApi, type AdminApi } from '../../lib/messages';
import { useAdminLoad } from './use-admin-load';

type Api = Pick<AdminApi, 'listAgents' | 'auditAgents' | 'syncAgents' | 'cleanupOrphanedAgents' | 'getClinicSettings'>;

interface Loaded {
  agents: RegistryAgent[];
  audit: ApiResult<AgentAuditReport>;
  timeZone: string;
}

async function loadAll(api: Api): Promise<ApiResult<Loaded>> {
  const [agents, audit, settings] = await Promise.all([api.listAgents(), api.auditAgents(), api.getClinicSettings()]);
  if (!agents.ok) return agents;
  return { ok: true, status: 200, data: { agents: agents.data.items, audit, timeZone: settings.ok ? settings.data.timezone : 'UTC' } };
}

const STATUS_LABELS: Record<AgentSyncStatus, () => string> = {
  active: () => i18n.t('admin.agents.status.active'),
  orphaned: () => i18n.t('admin.agents.status.orphaned'),
  skipped: () => i18n.t('admin.agents.status.skipped'),
};

/** "Sync finished: 1 new, 2 updated, 0 orphaned, 1 skipped, 0 duplicates." or why it failed. */
export function describeSyncReport(report: AgentSyncReport): string {
  if (!report.ok) {
    const why = report.errors.map((e) => e.reason).join('; ');
    return why ? i18n.t('admin.agents.syncFailedWhy', [why]) : i18n.t('admin.agents.syncFailed');
  }
  const t = report.totals;
  const counts = [String(t.inRetell), String(t.created), String(t.updated), String(t.orphaned), String(t.skipped), String(t.duplicates)] as const;
  return i18n.t('admin.agents.syncFinished', t.duplicates, [...counts]);
}

/** "Removed: A (agent_a), B (agent_b)." plus what was kept and why. */
export function describeCleanup(result: CleanupOrphanedAgentsResponse): string {
  const removed = result.removed.map((a) => `${a.agentName} (${a.agentId})`).join(', ');
  const kept = result.kept.map((a) => `${a.agentName} (${a.reason})`).join('; ');
  const count = String(result.removed.length);
  if (result.removed.length) {
    return kept ? i18n.t('admin.agents.removedKept', [count, removed, kept]) : i18n.t('admin.agents.removed', [count, removed]);
  }
  return kept ? i18n.t('admin.agents.noneRemovedKept', [kept]) : i18n.t('admin.agents.noneRemoved');
}

/** A score band for colour: ≥ 90 good, ≥ 70 fair (the CDK alarm is below 70), else poor. */
export function healthBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor';
}

/**
 * Admin "Voice agents": the Retell agent registry with status badges (active / orphaned / skipped, plus a
 * duplicate flag) and last sync time in the clinic's zone, the audit's health score with its recommendations,
 * Sync now (then the table and score refresh) and Clean up orphaned (after a confirmation; says which were removed).
 */
export function AgentsSection(props: { api?: Api }) {
  const api = props.api ?? adminApi;
  const { state, reload } = useAdminLoad(() => loadAll(api));
  const [busy, setBusy] = useState<'sync' | 'cleanup' | undefined>(undefined);
  const [confirmCleanup, setConfirmCleanup] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  async function syncNow() {
    setBusy('sync');
    setMessage(undefined);
    const result = await api.syncAgents();
    setBusy(undefined);
    setMessage(result.ok ? { ok: result.data.ok, text: describeSyncReport(result.data) } : { ok: false, text: describeApiFailure(result) });
    reload();
  }

  async function cleanup() {
    setBusy('cleanup');
    setMessage(undefined);
    const result = await api.cleanupOrphanedAgents();
    setBusy(undefined);
    setConfirmCleanup(false);
    setMessage(result.ok ? { ok: true, text: describeCleanup(result.data) } : { ok: false, text: describeApiFailure(result) });
    reload();
  }

  if (state.kind === 'loading') return <p className="vfc-muted">{i18n.t('admin.agents.loading')}</p>;
  if (state.kind === 'error') {
    return (
      <div>
        <p className="vfc-error" role="alert" data-testid="agents-error">{describeApiFailure(state.failure)}</p>
        <button type="button" className="vfc-secondary" onClick={reload}>{i18n.t('admin.tryAgain')}</button>
      </div>
    );
  }
  const { agents, audit, timeZone } = state.data;
  const orphans = agents.filter((a) => a.syncStatus === 'orphaned').length;

  return (
    <div className="vfc-agents" aria-busy={busy !== undefined}>
      <div className="vfc-health" data-testid="agent-health">
        {audit.ok ? (
          <>
            <p>
              {i18n.t('admin.agents.healthScore')}{' '}
              <strong className={`vfc-score vfc-score-${healthBand(audit.data.healthScore)}`} data-testid="health-score">
                {audit.data.healthScore}
              </strong>
              /100 <span className="vfc-muted">· {i18n.t('admin.agents.audited', [formatClinicTime(audit.data.auditedAt, timeZone)])}</span>
            </p>
            {audit.data.recommendations.length > 0 ? (
              <ul aria-label={i18n.t('admin.agents.recommendations')} data-testid="recommendations">
                {audit.data.recommendations.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              <p className="vfc-muted">{i18n.t('admin.agents.noRecommendations')}</p>
            )}
          </>
        ) : (
          <p className="vfc-error">{i18n.t('admin.agents.auditUnavailable', [describeApiFailure(audit)])}</p>
        )}
      </div>

      <div className="vfc-actions vfc-actions-start">
        <button type="button" className="vfc-primary" disabled={busy !== undefined} onClick={() => void syncNow()}>
          {busy === 'sync' ? i18n.t('admin.agents.syncing') : i18n.t('admin.agents.syncNow')}
        </button>
        {!confirmCleanup ? (
          <button type="button" className="vfc-secondary" disabled={busy !== undefined || orphans === 0} onClick={() => setConfirmCleanup(true)}>
            {i18n.t('admin.agents.cleanUp')}
          </button>
        ) : (
          <span role="group" aria-label={i18n.t('admin.agents.confirmCleanUp')} className="vfc-confirm">
            <span>{i18n.t('admin.agents.cleanUpQuestion', [String(ORPHAN_RETENTION_DAYS)])}</span>{' '}
            <button type="button" className="vfc-primary" disabled={busy !== undefined} onClick={() => void cleanup()}>
              {busy === 'cleanup' ? i18n.t('admin.agents.removing') : i18n.t('admin.agents.removeThem')}
            </button>
            <button type="button" className="vfc-secondary" disabled={busy !== undefined} onClick={() => setConfirmCleanup(false)}>
              {i18n.t('admin.agents.keepThem')}
            </button>
          </span>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="agents-result">
        {message && <p className={message.ok ? 'vfc-ok' : 'vfc-error'}>{message.text}</p>}
      </div>

      {agents.length === 0 ? (
        <p className="vfc-muted">{i18n.t('admin.agents.empty')}</p>
      ) : (
        <table className="vfc-table" aria-label={i18n.t('admin.agents.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{i18n.t('admin.agents.colAgent')}</th>
              <th scope="col">{i18n.t('admin.agents.colStatus')}</th>
              <th scope="col">{i18n.t('admin.agents.colVoice')}</th>
              <th scope="col">{i18n.t('admin.agents.colLanguage')}</th>
              <th scope="col">{i18n.t('admin.agents.colVersion')}</th>
              <th scope="col">{i18n.t('admin.agents.colLastSync', [timeZone])}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.agentId} data-agent-id={agent.agentId}>
                <td>
                  {agent.agentName}
                  <div className="vfc-muted">{agent.agentId}</div>
                </td>
                <td>
                  <span className={`vfc-badge vfc-agent-${agent.syncStatus}`} data-testid="agent-status">
                    {STATUS_LABELS[agent.syncStatus]()}
                  </span>
                  {agent.duplicateOf && (
                    <span className="vfc-badge vfc-agent-duplicate" data-testid="agent-duplicate" title={i18n.t('admin.agents.sameNameAs', [agent.duplicateOf])}>
                      {i18n.t('admin.agents.duplicate')}
                    </span>
                  )}
                  {!agent.isPublished && <span className="vfc-badge">{i18n.t('admin.agents.draft')}</span>}
                  {agent.statusReason && <div className="vfc-reason">{agent.statusReason}</div>}
                </td>
                <td>{agent.voiceId ?? '—'}</td>
                <td>{agent.language ?? '—'}</td>
                <td>{agent.version}</td>
                <td>{formatClinicTime(agent.lastSyncedAt, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
