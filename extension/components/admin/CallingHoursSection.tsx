import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import {
  IanaTimezone,
  toValidationIssues,
  UpdateClinicSettingsRequest,
  WEEKDAYS,
  type ClinicSettings,
  type WeeklyHours,
} from '@vfc/shared';
import { weeklyHoursFromNeoScheduleConfigs } from '@vfc/shared/neo/business-hours';
import { describeApiFailure } from '../../lib/error-text';
import { adminApi, type AdminApi } from '../../lib/messages';
import { changedFields, issueAt, issuesByPath, type IssuesByPath } from '../../lib/partial-update';
import { useAdminLoad } from './use-admin-load';
import { DAY_NAMES, describeDay, WeeklyHoursEditor } from './WeeklyHoursEditor';

type Api = Pick<AdminApi, 'getClinicSettings' | 'updateClinicSettings' | 'neoScheduleConfigs'>;

type NeoState =
  | { kind: 'idle' }
  | { kind: 'fetching' }
  | { kind: 'proposal'; weeklyHours: WeeklyHours; ignored: string[] }
  | { kind: 'error'; message: string };

/** A field's error line, announced with the field (`aria-describedby` → `${id}-error`). */
function FieldError(props: { id: string; label: string; message?: string }) {
  return props.message ? (
    <p id={`${props.id}-error`} className="vfc-error">
      {props.label}: {props.message}
    </p>
  ) : null;
}

/**
 * Admin "Calling hours": the clinic's calling rules from `GET /clinic/settings` — timezone, weekly hours
 * (several intervals per day), closed dates, the recipient-window switch, the voicemail policy and the per-number cap.
 * Save sends only the changed fields (`PUT` is partial), checked first with the API's own schema; 400 issues are shown
 * beside the fields by path. "Fill from IDEXX Neo" reads Neo's business hours from an open Neo tab and shows them for
 * confirmation before saving.
 */
export function CallingHoursSection(props: { api?: Api }) {
  const api = props.api ?? adminApi;
  const { state, reload } = useAdminLoad(() => api.getClinicSettings());
  const [saved, setSaved] = useState<ClinicSettings | undefined>(undefined);
  const [draft, setDraft] = useState<ClinicSettings | undefined>(undefined);
  const [issues, setIssues] = useState<IssuesByPath>({});
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [newDate, setNewDate] = useState('');
  const [neo, setNeo] = useState<NeoState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind === 'ok') {
      setSaved(state.data);
      setDraft(state.data);
      setIssues({});
    }
  }, [state]);

  if (state.kind === 'loading' && !draft) return <p className="vfc-muted">{i18n.t('admin.hours.loading')}</p>;
  if (state.kind === 'error' && !draft) {
    return (
      <div>
        <p className="vfc-error" role="alert" data-testid="calling-hours-error">
          {describeApiFailure(state.failure)}
        </p>
        <button type="button" className="vfc-secondary" onClick={reload}>
          {i18n.t('admin.tryAgain')}
        </button>
      </div>
    );
  }
  if (!draft || !saved) return null;

  const update = (patch: Partial<ClinicSettings>) => {
    setDraft({ ...draft, ...patch });
    setMessage(undefined);
  };

  async function send(patch: UpdateClinicSettingsRequest, done: string): Promise<boolean> {
    setMessage(undefined);
    const checked = UpdateClinicSettingsRequest.safeParse(patch);
    if (!checked.success) {
      setIssues(issuesByPath(toValidationIssues(checked.error)));
      setMessage({ ok: false, text: i18n.t('admin.fieldsNeedFixing') });
      return false;
    }
    if (Object.keys(checked.data).length === 0) {
      setMessage({ ok: true, text: i18n.t('admin.nothingChanged') });
      return true;
    }
    setSaving(true);
    const result = await api.updateClinicSettings(checked.data);
    setSaving(false);
    if (!result.ok) {
      setIssues(result.status === 400 && result.error.issues ? issuesByPath(result.error.issues) : {});
      setMessage({ ok: false, text: describeApiFailure(result) });
      return false;
    }
    setIssues({});
    setSaved(result.data);
    setDraft(result.data);
    setMessage({ ok: true, text: done });
    return true;
  }

  async function fillFromNeo() {
    setNeo({ kind: 'fetching' });
    const result = await api.neoScheduleConfigs();
    if (!result.ok) {
      setNeo({ kind: 'error', message: result.error.message });
      return;
    }
    const mapped = weeklyHoursFromNeoScheduleConfigs(result.data);
    setNeo(mapped.ok ? { kind: 'proposal', weeklyHours: mapped.weeklyHours, ignored: mapped.ignored } : { kind: 'error', message: mapped.reason });
  }

  const tzError = issueAt(issues, 'timezone');
  const datesError = issueAt(issues, 'closedDates', true);
  const capError = issueAt(issues, 'maxCallsPer30Days');
  const dirty = Object.keys(changedFields(saved, draft)).length > 0;

  return (
    <form
      className="vfc-calling-hours"
      noValidate
      aria-busy={saving}
      onSubmit={(event) => {
        event.preventDefault();
        void send(changedFields(saved, draft), i18n.t('admin.hours.saved'));
      }}
    >
      <div className="vfc-field">
        <label htmlFor="vfc-timezone">{i18n.t('admin.hours.timezone')}</label>
        <input
          id="vfc-timezone"
          list="vfc-timezones"
          value={draft.timezone}
          disabled={saving}
          aria-invalid={tzError ? true : undefined}
          aria-describedby={tzError ? 'vfc-timezone-error' : undefined}
          onChange={(e) => {
            update({ timezone: e.target.value });
            const ok = IanaTimezone.safeParse(e.target.value.trim());
            setIssues(({ timezone: _old, ...rest }) => (ok.success ? rest : { ...rest, timezone: ok.error.issues[0]?.message ?? 'is not valid' }));
          }}
        />
        <datalist id="vfc-timezones">
          {(Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone').map((zone) => <option key={zone} value={zone} />)}
        </datalist>
        <FieldError id="vfc-timezone" label={i18n.t('admin.hours.timezoneShort')} message={tzError} />
      </div>

      <WeeklyHoursEditor value={draft.weeklyHours} onChange={(weeklyHours) => update({ weeklyHours })} issues={issues} disabled={saving} />

      <div className="vfc-neo-fill">
        <button type="button" className="vfc-secondary" disabled={saving || neo.kind === 'fetching'} onClick={() => void fillFromNeo()}>
          {neo.kind === 'fetching' ? i18n.t('admin.hours.readingNeo') : i18n.t('admin.hours.fillFromNeo')}
        </button>
        <div role="status" aria-live="polite" data-testid="neo-fill">
          {neo.kind === 'error' && <p className="vfc-error">{neo.message}</p>}
          {neo.kind === 'proposal' && (
            <div className="vfc-proposal" data-testid="neo-proposal">
              <p>
                {i18n.t('admin.hours.neoProposal', [draft.timezone])}
              </p>
              <table>
                <tbody>
                  {WEEKDAYS.map((day) => (
                    <tr key={day} data-day={day}>
                      <th scope="row">{DAY_NAMES[day]()}</th>
                      <td>{describeDay(neo.weeklyHours[day])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {neo.ignored.length > 0 && <p className="vfc-muted">{i18n.t('admin.hours.leftOut', [neo.ignored.join('; ')])}</p>}
              <button
                type="button"
                className="vfc-primary"
                disabled={saving}
                onClick={() =>
                  void send({ weeklyHours: neo.weeklyHours }, i18n.t('admin.hours.savedFromNeo')).then((ok) => ok && setNeo({ kind: 'idle' }))
                }
              >
                {i18n.t('admin.hours.saveThese')}
              </button>
              <button type="button" className="vfc-secondary" onClick={() => setNeo({ kind: 'idle' })}>
                {i18n.t('admin.hours.discard')}
              </button>
            </div>
          )}
        </div>
      </div>

      <fieldset className="vfc-closed" disabled={saving}>
        <legend>{i18n.t('admin.hours.closedDatesLegend')}</legend>
        {draft.closedDates.length === 0 && <p className="vfc-muted">{i18n.t('admin.hours.none')}</p>}
        <ul aria-label={i18n.t('admin.hours.closedDates')}>
          {draft.closedDates.map((date) => (
            <li key={date}>
              {date}{' '}
              <button type="button" className="vfc-secondary" aria-label={i18n.t('admin.hours.removeDate', [date])} onClick={() => update({ closedDates: draft.closedDates.filter((d) => d !== date) })}>
                {i18n.t('admin.hours.remove')}
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor="vfc-closed-date">{i18n.t('admin.hours.addDateLabel')}</label>{' '}
        <input id="vfc-closed-date" type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} />{' '}
        <button
          type="button"
          className="vfc-secondary"
          disabled={!newDate}
          onClick={() => {
            if (!draft.closedDates.includes(newDate)) update({ closedDates: [...draft.closedDates, newDate].sort() });
            setNewDate('');
          }}
        >
          {i18n.t('admin.hours.addDate')}
        </button>
        <FieldError id="vfc-closed-date" label={i18n.t('admin.hours.closedDates')} message={datesError} />
      </fieldset>

      <div className="vfc-field vfc-check">
        <label>
          <input
            type="checkbox"
            checked={draft.enforceRecipientWindow}
            disabled={saving}
            onChange={(e) => update({ enforceRecipientWindow: e.target.checked })}
          />{' '}
          {i18n.t('admin.hours.recipientWindow')}
        </label>
      </div>

      <div className="vfc-field">
        <label htmlFor="vfc-voicemail">{i18n.t('admin.hours.voicemail')}</label>
        <select
          id="vfc-voicemail"
          value={draft.voicemailPolicy}
          disabled={saving}
          onChange={(e) => update({ voicemailPolicy: e.target.value as ClinicSettings['voicemailPolicy'] })}
        >
          <option value="complete">{i18n.t('admin.hours.voicemailComplete')}</option>
          <option value="retry">{i18n.t('admin.hours.voicemailRetry')}</option>
        </select>
      </div>

      <div className="vfc-field">
        <label htmlFor="vfc-max-calls">{i18n.t('admin.hours.maxCalls')}</label>
        <input
          id="vfc-max-calls"
          type="number"
          min={1}
          max={3}
          step={1}
          value={Number.isNaN(draft.maxCallsPer30Days) ? '' : draft.maxCallsPer30Days}
          disabled={saving}
          aria-invalid={capError ? true : undefined}
          aria-describedby={capError ? 'vfc-max-calls-error' : undefined}
          onChange={(e) => update({ maxCallsPer30Days: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        />
        <FieldError id="vfc-max-calls" label={i18n.t('admin.hours.maxCallsShort')} message={capError} />
      </div>

      <div role="status" aria-live="polite" data-testid="calling-hours-result">
        {message && <p className={message.ok ? 'vfc-ok' : 'vfc-error'}>{message.text}</p>}
      </div>
      <div className="vfc-actions">
        <button type="button" className="vfc-secondary" disabled={saving || !dirty} onClick={() => { setDraft(saved); setIssues({}); setMessage(undefined); }}>
          {i18n.t('admin.hours.undo')}
        </button>
        <button type="submit" className="vfc-primary" disabled={saving}>
          {saving ? i18n.t('admin.saving') : i18n.t('admin.hours.save')}
        </button>
      </div>
    </form>
  );
}
