import { useState } from 'react';
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
        (result.status === 201 ? `Added ${result.data.phoneNumber}.` : `${result.data.phoneNumber} was already on the list.`) +
        (cancelled ? ` Cancelled ${cancelled} scheduled call${cancelled === 1 ? '' : 's'} to it.` : ''),
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
    setMessage(result.ok ? { ok: true, text: `Removed ${phoneNumber}: calls to it are allowed again.` } : { ok: false, text: describeApiFailure(result) });
    reload();
  }

  const phoneError = issues['phoneNumber'];
  const reasonError = issues['reason'];
  return (
    <div className="vfc-opt-outs">
      <form
        noValidate
        aria-label="Add a number to the do-not-call list"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <div className="vfc-field">
          <label htmlFor="vfc-opt-out-phone">Phone number</label>
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
          {phoneError && <p id="vfc-opt-out-phone-error" className="vfc-error">Phone number: {phoneError}</p>}
        </div>
        <div className="vfc-field">
          <label htmlFor="vfc-opt-out-reason">Reason (optional)</label>
          <input
            id="vfc-opt-out-reason"
            value={reason}
            disabled={busy}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? 'vfc-opt-out-reason-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError && <p id="vfc-opt-out-reason-error" className="vfc-error">Reason: {reasonError}</p>}
        </div>
        <div className="vfc-actions">
          <button type="submit" className="vfc-primary" disabled={busy}>
            {busy ? 'Working…' : 'Add to do-not-call list'}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="opt-outs-result">
        {message && <p className={message.ok ? 'vfc-ok' : 'vfc-error'}>{message.text}</p>}
      </div>
      {state.kind === 'loading' && <p className="vfc-muted">Loading the do-not-call list…</p>}
      {state.kind === 'error' && (
        <div>
          <p className="vfc-error" role="alert">{describeApiFailure(state.failure)}</p>
          <button type="button" className="vfc-secondary" onClick={reload}>Try again</button>
        </div>
      )}
      {state.kind === 'ok' && state.data.list.items.length === 0 && <p className="vfc-muted">No numbers on the do-not-call list.</p>}
      {state.kind === 'ok' && state.data.list.items.length > 0 && (
        <table className="vfc-table" aria-label="Do-not-call list">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Reason</th>
              <th scope="col">Added ({state.data.timeZone})</th>
              <th scope="col"><span className="vfc-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {state.data.list.items.map((entry) => (
              <tr key={entry.phoneNumber} data-phone={entry.phoneNumber}>
                <td>{entry.phoneNumber}</td>
                <td>
                  {entry.reason}
                  {entry.source === 'call' && <span className="vfc-muted"> (asked during a call)</span>}
                </td>
                <td>{formatClinicTime(entry.createdAt, state.data.timeZone)}</td>
                <td>
                  {confirming === entry.phoneNumber ? (
                    <span role="group" aria-label={`Confirm removing ${entry.phoneNumber}`}>
                      <button type="button" className="vfc-primary" disabled={busy} onClick={() => void remove(entry.phoneNumber)}>
                        Allow calls again
                      </button>
                      <button type="button" className="vfc-secondary" disabled={busy} onClick={() => setConfirming(undefined)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="vfc-secondary" disabled={busy} aria-label={`Remove ${entry.phoneNumber}`} onClick={() => setConfirming(entry.phoneNumber)}>
                      Remove
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
