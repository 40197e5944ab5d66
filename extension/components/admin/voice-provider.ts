import {
  toValidationIssues,
  UpdateClinicVoiceRequest,
  defaultConcurrencyLimit,
  type ClinicVoice,
  type ValidationIssue,
  type VoiceAccountKind,
  type VoiceProviderName,
} from '@vfc/shared';
import type { ApiFailure } from '../../lib/api-client';
import { describeApiFailure } from '../../lib/error-text';

/**
 * The "Voice provider" form's logic (no rendering): the form values from the saved settings, the `PUT /clinic/voice`
 * body they make, and where the API's refusals go. The API key is never part of the draft: it is read from its
 * input only when the body is built, so it never sits in component state.
 */

/** The form's values (the key apart). `concurrencyLimit` as typed; it only counts for the clinic's own account. */
export interface VoiceDraft {
  provider: VoiceProviderName;
  account: VoiceAccountKind;
  fromNumber: string;
  concurrencyLimit: string;
}

/** The form's fields an error can be shown beside. */
export type VoiceField = 'provider' | 'apiKey' | 'fromNumber' | 'concurrencyLimit';
const VOICE_FIELDS: readonly string[] = ['provider', 'apiKey', 'fromNumber', 'concurrencyLimit'] satisfies VoiceField[];

/** Errors to show, each beside its field (already worded), and one not tied to a field. */
export interface VoiceErrors {
  fields: Partial<Record<VoiceField, string>>;
  general?: string;
}

/**
 * Does the saved account hold a clinic key for `provider` (the clinic's own account on that provider)? Without
 * `provider`: a key of either provider.
 */
export function hasStoredKey(voice: ClinicVoice, provider: VoiceProviderName = voice.provider): boolean {
  return voice.account === 'clinic' && voice.provider === provider;
}

/**
 * Form values from the saved settings; the limit is the saved one on an own account, else the provider's default
 * (Retell 20, Vapi 10).
 */
export function draftFromVoice(voice: ClinicVoice): VoiceDraft {
  return {
    provider: voice.provider,
    account: voice.account,
    fromNumber: voice.fromNumber ?? '',
    concurrencyLimit: String(hasStoredKey(voice) ? voice.concurrencyLimit : defaultConcurrencyLimit(voice.provider)),
  };
}

/** A field-level issue: `path` names the request field (`phoneNumberId` is shown at the calling number). */
export function fieldOfPath(path: string): VoiceField | undefined {
  if (path === 'phoneNumberId') return 'fromNumber';
  return VOICE_FIELDS.includes(path) ? (path as VoiceField) : undefined;
}

/**
 * The `PUT /clinic/voice` body for `draft` over the saved `current` settings, checked with the API's schema:
 * - the platform's account (Retell or Vapi): `{provider}`, plus `apiKey: null` when the clinic had its own key (back
 *   to the platform; the stored key is forgotten);
 * - the clinic's own account: `apiKey` when one was typed (trimmed; none typed keeps the key stored for that same
 *   provider, and is refused when there is none) and `concurrencyLimit`;
 * - `fromNumber` only when it was changed (empty = keep the current number).
 * @returns the body, or the issues (`{path, message}`) to show beside the fields
 */
export function voiceRequest(
  current: ClinicVoice,
  draft: VoiceDraft,
  typedKey: string,
  requiredText: string,
): { ok: true; body: UpdateClinicVoiceRequest } | { ok: false; issues: ValidationIssue[] } {
  const body: Record<string, unknown> = { provider: draft.provider };
  const key = typedKey.trim();
  if (draft.account === 'platform') {
    if (current.account === 'clinic') body['apiKey'] = null;
  } else {
    if (key) body['apiKey'] = key;
    else if (!hasStoredKey(current, draft.provider)) return { ok: false, issues: [{ path: 'apiKey', message: requiredText }] };
    const limit = draft.concurrencyLimit.trim();
    body['concurrencyLimit'] = limit === '' ? Number.NaN : Number(limit);
  }
  const fromNumber = draft.fromNumber.trim();
  if (fromNumber && fromNumber !== (current.fromNumber ?? '')) body['fromNumber'] = fromNumber;
  const parsed = UpdateClinicVoiceRequest.safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: toValidationIssues(parsed.error) };
}

/** Issues keyed by field, each prefixed with its field's label (`Calling number (E.164): must be E.164 …`). */
export function issueErrors(issues: readonly ValidationIssue[], label: (field: VoiceField) => string): VoiceErrors {
  const errors: VoiceErrors = { fields: {} };
  const general: string[] = [];
  for (const { path, message } of issues) {
    const field = fieldOfPath(path);
    if (!field) {
      general.push(message);
      continue;
    }
    const text = `${label(field)}: ${message}`;
    errors.fields[field] = errors.fields[field] ? `${errors.fields[field]}; ${message}` : text;
  }
  if (general.length) errors.general = general.join('; ');
  return errors;
}

/**
 * Where a refused save is shown. `invalid_credentials` (the key was refused) goes beside the key when the form uses
 * an own key; `unknown_number` beside the calling number — both with the API's own sentence. Other 400s with
 * `issues` go beside the fields they name; anything else (503 `provider_unavailable`, 401, 403…) is general.
 */
export function failureErrors(failure: ApiFailure, draft: VoiceDraft, label: (field: VoiceField) => string): VoiceErrors {
  const { error } = failure;
  if (failure.status === 400 && error.error === 'invalid_credentials' && draft.account === 'clinic') {
    return { fields: { apiKey: error.message } };
  }
  if (failure.status === 400 && error.error === 'unknown_number') return { fields: { fromNumber: error.message } };
  if (failure.status === 400 && error.issues?.length) {
    const errors = issueErrors(error.issues, label);
    if (Object.keys(errors.fields).length > 0) return errors;
  }
  return { fields: {}, general: describeApiFailure(failure) };
}
