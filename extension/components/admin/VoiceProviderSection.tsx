import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { ClinicVoice } from '@vfc/shared';
import type { ApiResult } from '../../lib/api-client';
import { describeApiFailure } from '../../lib/error-text';
import { adminApi, type AdminApi } from '../../lib/messages';
import { Field } from '../Field';
import { useAdminLoad } from './use-admin-load';
import { draftFromVoice, failureErrors, hasStoredKey, issueErrors, voiceRequest, type VoiceDraft, type VoiceErrors } from './voice-provider';
import {
  apiKeyHint,
  concurrencyHint,
  describeAssistantSync,
  describeVoiceChanges,
  fieldLabel,
  fromNumberHint,
  ownAccountOption,
  providerLabel,
} from './voice-provider-text';
import { VoiceProviderSummary } from './VoiceProviderSummary';

type Api = Pick<AdminApi, 'getClinicVoice' | 'updateClinicVoice' | 'getClinicSettings'>;

interface Loaded {
  voice: ClinicVoice;
  /** The clinic's IANA zone, for "verified at" (UTC when the settings could not be read). */
  timeZone: string;
}

/** What the last successful save did, in plain words. */
interface SaveReport {
  changes: string[];
  done: string[];
  errors: string[];
}

async function loadAll(api: Api): Promise<ApiResult<Loaded>> {
  const [voice, settings] = await Promise.all([api.getClinicVoice(), api.getClinicSettings()]);
  if (!voice.ok) return voice;
  return { ok: true, status: 200, data: { voice: voice.data, timeZone: settings.ok ? settings.data.timezone : 'UTC' } };
}

const NO_ERRORS: VoiceErrors = { fields: {} };

/**
 * Admin "Voice provider": which provider (Retell or Vapi) and whose account (the platform's, or the clinic's own
 * Retell workspace or Vapi org, by its key) place the clinic's calls, the calling number and the own account's concurrency. "Test and save" sends
 * `PUT /clinic/voice`; the API tests the key and number before storing anything. The key is write-only: its input
 * is never prefilled, is read only when saving (never held in state) and is emptied after a successful save.
 * A success says what changed and what the assistant sync did (live region); a refusal is shown beside its field.
 */
export function VoiceProviderSection(props: { api?: Api }) {
  const api = props.api ?? adminApi;
  const { state, reload } = useAdminLoad(() => loadAll(api));
  const [voice, setVoice] = useState<ClinicVoice | undefined>(undefined);
  const [draft, setDraft] = useState<VoiceDraft | undefined>(undefined);
  const [errors, setErrors] = useState<VoiceErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [report, setReport] = useState<SaveReport | undefined>(undefined);
  const keyInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind !== 'ok') return;
    setVoice(state.data.voice);
    setDraft(draftFromVoice(state.data.voice));
    setErrors(NO_ERRORS);
  }, [state]);

  if (state.kind === 'loading' && !voice) return <p className="vfc-muted">{i18n.t('voiceProvider.loading')}</p>;
  if (state.kind === 'error' && !voice) {
    return (
      <div>
        <p className="vfc-error" role="alert" data-testid="voice-provider-error">
          {describeApiFailure(state.failure)}
        </p>
        <button type="button" className="vfc-secondary" onClick={reload}>
          {i18n.t('voiceProvider.tryAgain')}
        </button>
      </div>
    );
  }
  if (!voice || !draft || state.kind !== 'ok') return null;
  const timeZone = state.data.timeZone;
  const ownKey = draft.account === 'clinic';
  const label = (field: Parameters<typeof fieldLabel>[0]) => fieldLabel(field, draft.provider);

  const update = (patch: Partial<VoiceDraft>) => {
    setDraft({ ...draft, ...patch });
    setReport(undefined);
  };

  async function save() {
    if (!voice || !draft) return;
    setReport(undefined);
    const checked = voiceRequest(voice, draft, keyInput.current?.value ?? '', i18n.t('voiceProvider.apiKeyRequired'));
    if (!checked.ok) {
      const found = issueErrors(checked.issues, label);
      setErrors({ ...found, general: found.general ?? i18n.t('voiceProvider.fixFields') });
      return;
    }
    setErrors(NO_ERRORS);
    setSaving(true);
    const result = await api.updateClinicVoice(checked.body);
    setSaving(false);
    if (!result.ok) {
      setErrors(failureErrors(result, draft, label));
      return;
    }
    if (keyInput.current) keyInput.current.value = '';
    const sync = result.data.sync ? describeAssistantSync(result.data.sync) : { done: [], errors: [] };
    setReport({ changes: describeVoiceChanges(voice, result.data.voice), ...sync });
    setVoice(result.data.voice);
    setDraft(draftFromVoice(result.data.voice));
  }

  const stored = hasStoredKey(voice, draft.provider);
  return (
    <div className="vfc-voice-provider">
      <VoiceProviderSummary voice={voice} timeZone={timeZone} />
      <form
        noValidate
        aria-busy={saving}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={saving}>
          <legend>{i18n.t('voiceProvider.provider')}</legend>
          {(['retell', 'vapi'] as const).map((provider) => (
            <label key={provider} className="vfc-radio">
              <input
                type="radio"
                name="vfc-voice-provider"
                value={provider}
                checked={draft.provider === provider}
                onChange={() => update({ provider })}
              />{' '}
              {providerLabel(provider)}
            </label>
          ))}
        </fieldset>

        <fieldset disabled={saving}>
            <legend>{i18n.t('voiceProvider.account')}</legend>
            <label className="vfc-radio">
              <input type="radio" name="vfc-voice-account" value="platform" checked={draft.account === 'platform'} onChange={() => update({ account: 'platform' })} />{' '}
              {voice.account === 'clinic' ? i18n.t('voiceProvider.platformInstead') : i18n.t('voiceProvider.platformOption')}
            </label>
            <label className="vfc-radio">
              <input type="radio" name="vfc-voice-account" value="clinic" checked={draft.account === 'clinic'} onChange={() => update({ account: 'clinic' })} />{' '}
              {ownAccountOption(draft.provider)}
            </label>
          </fieldset>

        {ownKey && (
          <Field
            id="vfc-voice-api-key"
            label={label('apiKey')}
            errorLabel=""
            error={errors.fields.apiKey}
            hint={stored ? `${i18n.t('voiceProvider.apiKeyKeep', [voice.keyLast4 ?? '????'])} ${apiKeyHint(draft.provider)}` : apiKeyHint(draft.provider)}
          >
            {(control) => (
              <input
                {...control}
                ref={keyInput}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                defaultValue=""
                disabled={saving}
                onChange={() => setReport(undefined)}
              />
            )}
          </Field>
        )}

        <Field
          id="vfc-voice-from-number"
          label={label('fromNumber')}
          errorLabel=""
          error={errors.fields.fromNumber}
          hint={fromNumberHint(draft.provider, draft.account)}
        >
          {(control) => (
            <input
              {...control}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="+14155550100"
              value={draft.fromNumber}
              disabled={saving}
              onChange={(e) => update({ fromNumber: e.target.value })}
            />
          )}
        </Field>

        {ownKey && (
          <Field
            id="vfc-voice-concurrency"
            label={label('concurrencyLimit')}
            errorLabel=""
            error={errors.fields.concurrencyLimit}
            hint={concurrencyHint(draft.provider)}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={1000}
                step={1}
                value={draft.concurrencyLimit}
                disabled={saving}
                onChange={(e) => update({ concurrencyLimit: e.target.value })}
              />
            )}
          </Field>
        )}

        {errors.fields.provider && (
          <p className="vfc-error" role="alert">
            {errors.fields.provider}
          </p>
        )}
        {errors.general && (
          <p className="vfc-error" role="alert" data-testid="voice-provider-failure">
            {errors.general}
          </p>
        )}
        <div role="status" aria-live="polite" data-testid="voice-provider-result">
          {report && (
            <>
              <p className="vfc-ok">{i18n.t('voiceProvider.saved')}</p>
              <ul>
                {[...report.changes, ...report.done].map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {report.errors.length > 0 && (
                <>
                  <p className="vfc-error">{i18n.t('voiceProvider.syncErrors')}</p>
                  <ul className="vfc-error">
                    {report.errors.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
        <div className="vfc-actions">
          <button type="submit" className="vfc-primary" disabled={saving}>
            {saving ? i18n.t('voiceProvider.saving') : i18n.t('voiceProvider.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
