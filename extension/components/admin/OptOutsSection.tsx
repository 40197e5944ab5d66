import { useState } from 'react';
import { i18n } from '#i18n';
import { AddOptOutRequest, toValidationIssues, type ClinicSettings, type ListOptOutsResponse } from '@vfc/shared';
import type { ApiResult } from '../../lib/api-client';
import { formatClinicTime } from '../../lib/clinic-time';
import { describeApiFailure } from '../../lib/error-text';
import { adminApi, type AdminApi } from '../../lib/messages';
import { issuesByPath, type IssuesByPath } from '../../lib/partial-update';
import { useAdminLoad } from './use-admin-load';

type Api = Pick<AdminApi, 'listOptOuts' | 'addOptOut' | 'removeOptOut' | 'getClinicSettings'>;

interface Loaded {
  list: ListOptOutsResponse;
  timeZone: string;
}

async function loadAll(api: Api): Promise<ApiResult<Loaded>> {
  const [list, settings] = await Promise.all([api.listOptOuts(), api.getClinicSettings()]);
  if (!list.ok) return list;
  const timeZone = settings.ok ? (settings.data as ClinicSettings).timezone : 'UTC';
  return { ok: true, status: 200, data: { list: list.data, timeZone } };
}

/**
 * Admin "Do-not-call list": the clinic's opted-out numbers (`GET /clinic/opt-outs`), Add (phone + reason,
 * checked with the API's schema; the API normalises to E.164 and cancels scheduled calls to the number) and Remove
 * (`DELETE /clinic/opt-outs/{E.164}`, URL-encoded by the client) with a confirmation step.
 */
export function OptOutsSection(props: { api?: Api }) {
  const api = props.api ?? adminApi;
  const { state, reload } = useAdminLoad(() => loadAll(api));
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<IssuesByPath>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);

  async function add() {
    setMessage(undefined);
    const parsed = AddOptOutRequest.safeParse({ phoneNumber: phone, ...(reason.trim() ? { reason } : {}) });
    if (!parsed.success) {
      setIssues(issuesByPath(toValidationIssues(parsed.error)));
      return;
    }
    setIssues({});
    setBusy(true);
    const result = await api.addOptOut(parsed.data);
    setBusy(false);
    if (!result.ok) {
      if (result.status === 400 && result.error.issues) setIssues(issuesByPath(result.error.issues));
      setMessage({ ok: false, text: describeApiFailure(result) });
      return;
    }
    const cancelled = result.data.cancelledCallIds.length;
    setMessage({
      ok: true,
      text:
        result.status === 201
          ? cancelled
            ? i18n.t('admin.optOuts.addedCancelled', cancelled, [result.data.phoneNumber, String(cancelled)])
            : i18n.t('admin.optOuts.added', [result.data.phoneNumber])
          : cancelled
            ? i18n.t('admin.optOuts.alreadyCancelled', cancelled, [result.data.phoneNumber, String(cancelled)])
            : i18n.t('admin.optOuts.already', [result.data.phoneNumber]),
    });
    setPhone('');
    setReason('');
    reload();
  }

  async function remove(phoneNumber: string) {
    setMessage(undefined);
    setBusy(true);
    const result = await api.removeOptOut(phoneNumber);
    setBusy(false);
    setConfirming(undefined);
    setMessage(result.ok ? { ok: true, text: i18n.t('admin.optOuts.removed', [phoneNumber]) } : { ok: false, text: describeApiFailure(result) });
    reload();
  }

  const phoneError = issues['phoneNumber'];
  const reasonError = issues['reason'];
  return (
    <div className="vfc-opt-outs">
      <form
        noValidate
        aria-label={i18n.t('admin.optOuts.addFormLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <div className="vfc-field">
          <label htmlFor="vfc-opt-out-phone">{i18n.t('admin.optOuts.phone')}</label>
          <input
            id="vfc-opt-out-phone"
            type="tel"
            autoComplete="off"
            value={phone}
            disabled={busy}
            aria-invalid={phoneError ? true : undefined}
            aria-describedby={phoneError ? 'vfc-opt-out-phone-error' : undefined}
            onChange={(e) => setPhone(e.target.value)}
          />
          {phoneError && <p id="vfc-opt-out-phone-error" className="vfc-error">{i18n.t('admin.optOuts.phoneError', [phoneError])}</p>}
        </div>
        <div className="vfc-field">
          <label htmlFor="vfc-opt-out-reason">{i18n.t('admin.optOuts.reasonOptional')}</label>
          <input
            id="vfc-opt-out-reason"
            value={reason}
            disabled={busy}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? 'vfc-opt-out-reason-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError && <p id="vfc-opt-out-reason-error" className="vfc-error">{i18n.t('admin.optOuts.reasonError', [reasonError])}</p>}
        </div>
        <div className="vfc-actions">
          <button type="submit" className="vfc-primary" disabled={busy}>
            {busy ? i18n.t('admin.optOuts.working') : i18n.t('admin.optOuts.add')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="opt-outs-result">
        {message && <p className={message.ok ? 'vfc-ok' : 'vfc-error'}>{message.text}</p>}
      </div>
      {state.kind === 'loading' && <p className="vfc-muted">{i18n.t('admin.optOuts.loading')}</p>}
      {state.kind === 'error' && (
        <div>
          <p className="vfc-error" role="alert">{describeApiFailure(state.failure)}</p>
          <button type="button" className="vfc-secondary" onClick={reload}>{i18n.t('admin.tryAgain')}</button>
        </div>
      )}
      {state.kind === 'ok' && state.data.list.items.length === 0 && <p className="vfc-muted">{i18n.t('admin.optOuts.empty')}</p>}
      {state.kind === 'ok' && state.data.list.items.length > 0 && (
        <table className="vfc-table" aria-label={i18n.t('admin.optOuts.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{i18n.t('admin.optOuts.colNumber')}</th>
              <th scope="col">{i18n.t('admin.optOuts.colReason')}</th>
              <th scope="col">{i18n.t('admin.optOuts.colAdded', [state.data.timeZone])}</th>
              <th scope="col"><span className="vfc-visually-hidden">{i18n.t('admin.optOuts.colActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {state.data.list.items.map((entry) => (
              <tr key={entry.phoneNumber} data-phone={entry.phoneNumber}>
                <td>{entry.phoneNumber}</td>
                <td>
                  {entry.reason}
                  {entry.source === 'call' && <span className="vfc-muted"> {i18n.t('admin.optOuts.askedDuringCall')}</span>}
                </td>
                <td>{formatClinicTime(entry.createdAt, state.data.timeZone)}</td>
                <td>
                  {confirming === entry.phoneNumber ? (
                    <span role="group" aria-label={i18n.t('admin.optOuts.confirmRemove', [entry.phoneNumber])}>
                      <button type="button" className="vfc-primary" disabled={busy} onClick={() => void remove(entry.phoneNumber)}>
                        {i18n.t('admin.optOuts.allowAgain')}
                      </button>
                      <button type="button" className="vfc-secondary" disabled={busy} onClick={() => setConfirming(undefined)}>
                        {i18n.t('admin.optOuts.keep')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="vfc-secondary" disabled={busy} aria-label={i18n.t('admin.optOuts.removeLabel', [entry.phoneNumber])} onClick={() => setConfirming(entry.phoneNumber)}>
                      {i18n.t('admin.optOuts.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
