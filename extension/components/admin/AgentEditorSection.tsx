import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import {
  MAX_CALL_DURATION_MS,
  toValidationIssues,
  UpdateClinicAgentRequest,
  type ClinicAgentSettings,
  type ListVoicesResponse,
} from '@vfc/shared';
import type { ApiResult } from '../../lib/api-client';
import { describeApiFailure } from '../../lib/error-text';
import { adminApi, type AdminApi } from '../../lib/messages';
import { changedFields, issuesByPath, type IssuesByPath } from '../../lib/partial-update';
import { useAdminLoad } from './use-admin-load';

type Api = Pick<AdminApi, 'getClinicAgent' | 'listVoices' | 'updateClinicAgent'>;

interface Loaded {
  settings: ClinicAgentSettings;
  voices: ApiResult<ListVoicesResponse>;
}

/** The editable fields as the form holds them; the duration in minutes (the API takes ms). */
export interface AgentDraft {
  voiceId: string;
  greeting: string;
  language: string;
  maxCallMinutes: string;
}

/** Form values from the live agent (empty strings for what Retell did not say). */
export function draftFromAgent(agent: ClinicAgentSettings['agent']): AgentDraft {
  return {
    voiceId: agent?.voiceId ?? '',
    greeting: agent?.greeting ?? '',
    language: agent?.language ?? '',
    maxCallMinutes: agent?.maxCallDurationMs === undefined ? '' : String(agent.maxCallDurationMs / 60_000),
  };
}

/**
 * The `PUT /clinic/agent` body for what changed between `saved` and `draft` (minutes → ms, rounded to the ms).
 * An emptied field is sent as `''` so the shared schema reports it rather than silently skipping it.
 */
export function agentPatch(saved: AgentDraft, draft: AgentDraft): Record<string, unknown> {
  const changed = changedFields(saved, draft);
  const patch: Record<string, unknown> = {};
  if (changed.voiceId !== undefined) patch['voiceId'] = changed.voiceId;
  if (changed.greeting !== undefined) patch['greeting'] = changed.greeting;
  if (changed.language !== undefined) patch['language'] = changed.language;
  if (changed.maxCallMinutes !== undefined) {
    const minutes = Number(changed.maxCallMinutes);
    patch['maxCallDurationMs'] = changed.maxCallMinutes.trim() === '' || Number.isNaN(minutes) ? Number.NaN : Math.round(minutes * 60_000);
  }
  return patch;
}

async function loadAll(api: Api): Promise<ApiResult<Loaded>> {
  const [settings, voices] = await Promise.all([api.getClinicAgent(), api.listVoices()]);
  if (!settings.ok) return settings;
  return { ok: true, status: 200, data: { settings: settings.data, voices } };
}

/**
 * Admin "Follow-up agent" editor: the clinic's Retell agent — voice (from Retell's voice list), greeting
 * (`begin_message`; `{{pet_name}}`-style variables allowed), language and maximum call duration. Save sends only the
 * changed fields (`PUT /clinic/agent` is partial), checked with the API's schema first; errors appear beside fields.
 */
export function AgentEditorSection(props: { api?: Api }) {
  const api = props.api ?? adminApi;
  const { state, reload } = useAdminLoad(() => loadAll(api));
  const [saved, setSaved] = useState<AgentDraft | undefined>(undefined);
  const [draft, setDraft] = useState<AgentDraft | undefined>(undefined);
  const [settings, setSettings] = useState<ClinicAgentSettings | undefined>(undefined);
  const [issues, setIssues] = useState<IssuesByPath>({});
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  useEffect(() => {
    if (state.kind !== 'ok') return;
    const values = draftFromAgent(state.data.settings.agent);
    setSettings(state.data.settings);
    setSaved(values);
    setDraft(values);
    setIssues({});
  }, [state]);

  if (state.kind === 'loading' && !draft) return <p className="vfc-muted">{i18n.t('admin.agentEditor.loading')}</p>;
  if (state.kind === 'error' && !draft) {
    return (
      <div>
        <p className="vfc-error" role="alert" data-testid="agent-editor-error">{describeApiFailure(state.failure)}</p>
        <button type="button" className="vfc-secondary" onClick={reload}>{i18n.t('admin.tryAgain')}</button>
      </div>
    );
  }
  if (!draft || !saved || !settings || state.kind !== 'ok') return null;
  const voices = state.data.voices;
  const editable = settings.agent !== undefined;

  async function save() {
    if (!draft || !saved) return;
    setMessage(undefined);
    const patch = agentPatch(saved, draft);
    if (Object.keys(patch).length === 0) {
      setMessage({ ok: true, text: i18n.t('admin.nothingChanged') });
      return;
    }
    const parsed = UpdateClinicAgentRequest.safeParse(patch);
    if (!parsed.success) {
      setIssues(issuesByPath(toValidationIssues(parsed.error)));
      setMessage({ ok: false, text: i18n.t('admin.fieldsNeedFixing') });
      return;
    }
    setSaving(true);
    const result = await api.updateClinicAgent(parsed.data);
    setSaving(false);
    if (!result.ok) {
      setIssues(result.status === 400 && result.error.issues ? issuesByPath(result.error.issues) : {});
      setMessage({ ok: false, text: describeApiFailure(result) });
      return;
    }
    const values = draftFromAgent(result.data.agent);
    setSettings(result.data);
    setSaved(values);
    setDraft(values);
    setIssues({});
    setMessage({ ok: true, text: i18n.t('admin.agentEditor.saved') });
  }

  const field = (name: keyof AgentDraft, apiPath: string, label: string, input: (common: Record<string, unknown>) => JSX.Element, hint?: string) => {
    const id = `vfc-agent-${name}`;
    const error = issues[apiPath];
    const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="vfc-field">
        <label htmlFor={id}>{label}</label>
        {input({
          id,
          value: draft[name],
          disabled: saving || !editable,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
          onChange: (e: { target: { value: string } }) => {
            setDraft({ ...draft, [name]: e.target.value });
            setMessage(undefined);
          },
        })}
        {hint && <p id={`${id}-hint`} className="vfc-muted">{hint}</p>}
        {error && <p id={`${id}-error`} className="vfc-error">{label}: {error}</p>}
      </div>
    );
  };

  return (
    <form
      className="vfc-agent-editor"
      noValidate
      aria-busy={saving}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p>
        {i18n.t('admin.agentEditor.agent')} <strong>{settings.agent?.agentName ?? settings.registry?.agentName ?? settings.agentId}</strong>{' '}
        <span className="vfc-muted">{i18n.t('admin.agentEditor.idAndNumber', [settings.agentId, settings.fromNumber])}</span>
      </p>
      {!settings.usable && (
        <p className="vfc-warning" data-testid="agent-unusable">
          {settings.reason ? i18n.t('admin.agentEditor.unusableWhy', [settings.reason]) : i18n.t('admin.agentEditor.unusable')}
        </p>
      )}
      {!editable && <p className="vfc-warning">{i18n.t('admin.agentEditor.notEditable')}</p>}
      {!voices.ok && <p className="vfc-error">{i18n.t('admin.agentEditor.voicesUnavailable', [describeApiFailure(voices)])}</p>}
      {field('voiceId', 'voiceId', i18n.t('admin.agentEditor.voice'), (common) => (
        <select {...common}>
          {draft.voiceId === '' && <option value="">{i18n.t('admin.agentEditor.chooseVoice')}</option>}
          {voices.ok &&
            voices.data.items.map((voice) => (
              <option key={voice.voiceId} value={voice.voiceId}>
                {voice.voiceName} · {[voice.gender, voice.accent, voice.provider].filter(Boolean).join(', ')}
              </option>
            ))}
          {voices.ok && draft.voiceId && !voices.data.items.some((v) => v.voiceId === draft.voiceId) && (
            <option value={draft.voiceId}>{i18n.t('admin.agentEditor.notInList', [draft.voiceId])}</option>
          )}
        </select>
      ))}
      {field('greeting', 'greeting', i18n.t('admin.agentEditor.greeting'), (common) => <textarea {...common} rows={3} />, i18n.t('admin.agentEditor.greetingHint', ['{{pet_name}}']))}
      {field('language', 'language', i18n.t('admin.agentEditor.language'), (common) => <input {...common} placeholder="en-US" />, i18n.t('admin.agentEditor.languageHint'))}
      {field(
        'maxCallMinutes',
        'maxCallDurationMs',
        i18n.t('admin.agentEditor.maxDuration'),
        (common) => <input {...common} type="number" min={MAX_CALL_DURATION_MS.min / 60_000} max={MAX_CALL_DURATION_MS.max / 60_000} step="any" />,
        i18n.t('admin.agentEditor.maxDurationHint'),
      )}
      <div role="status" aria-live="polite" data-testid="agent-editor-result">
        {message && <p className={message.ok ? 'vfc-ok' : 'vfc-error'}>{message.text}</p>}
      </div>
      <div className="vfc-actions">
        <button type="submit" className="vfc-primary" disabled={saving || !editable}>
          {saving ? i18n.t('admin.saving') : i18n.t('admin.agentEditor.save')}
        </button>
      </div>
    </form>
  );
}
