import { i18n } from '#i18n';
import type { AgentSyncSummary, ClinicVoice, VoiceProviderName } from '@vfc/shared';
import type { VoiceField } from './voice-provider';

/** The "Voice provider" section's words (locale messages `voiceProvider.*`): labels, and what a save did. */

/** `Retell` / `Vapi`. */
export function providerLabel(provider: VoiceProviderName): string {
  return provider === 'vapi' ? i18n.t('voiceProvider.vapi') : i18n.t('voiceProvider.retell');
}

/** "The platform's account" or "Own key ••••1234" (only the key's last four characters are ever known). */
export function accountLabel(voice: Pick<ClinicVoice, 'account' | 'keyLast4'>): string {
  return voice.account === 'clinic' ? i18n.t('voiceProvider.accountOwn', [voice.keyLast4 ?? '????']) : i18n.t('voiceProvider.accountPlatform');
}

/** The E.164 calling number, else the provider's number id, else "Not set". */
export function numberLabel(voice: Pick<ClinicVoice, 'fromNumber' | 'phoneNumberId'>): string {
  if (voice.fromNumber) return voice.fromNumber;
  return voice.phoneNumberId ? i18n.t('voiceProvider.numberId', [voice.phoneNumberId]) : i18n.t('voiceProvider.notSet');
}

/** "Working", "The provider refused the key" or "Not verified yet". */
export function statusLabel(status: ClinicVoice['status']): string {
  if (status === 'ok') return i18n.t('voiceProvider.statusOk');
  return status === 'invalid_credentials' ? i18n.t('voiceProvider.statusInvalid') : i18n.t('voiceProvider.statusUnverified');
}

/** The label of a form field (also the prefix of its errors); the key's label names `provider`'s kind of key. */
export function fieldLabel(field: VoiceField, provider: VoiceProviderName): string {
  switch (field) {
    case 'provider':
      return i18n.t('voiceProvider.provider');
    case 'apiKey':
      return provider === 'retell' ? i18n.t('voiceProvider.apiKeyRetell') : i18n.t('voiceProvider.apiKey');
    case 'fromNumber':
      return i18n.t('voiceProvider.fromNumber');
    case 'concurrencyLimit':
      return i18n.t('voiceProvider.concurrencyLimit');
  }
}

/** The "own account" choice for `provider`: the clinic's own Retell workspace or its own Vapi key. */
export function ownAccountOption(provider: VoiceProviderName): string {
  return provider === 'retell' ? i18n.t('voiceProvider.ownKeyOptionRetell') : i18n.t('voiceProvider.ownKeyOption');
}

/** Where to find `provider`'s key, under the key field. */
export function apiKeyHint(provider: VoiceProviderName): string {
  return provider === 'retell' ? i18n.t('voiceProvider.apiKeyHintRetell') : i18n.t('voiceProvider.apiKeyHint');
}

/** What the calling number must be: on an own account, one of that account's numbers. */
export function fromNumberHint(provider: VoiceProviderName, account: ClinicVoice['account']): string {
  if (provider === 'vapi') return i18n.t('voiceProvider.fromNumberVapiHint');
  return account === 'clinic' ? i18n.t('voiceProvider.fromNumberRetellHint') : i18n.t('voiceProvider.fromNumberHint');
}

/** What the concurrency limit means on `provider`'s own account (and its default). */
export function concurrencyHint(provider: VoiceProviderName): string {
  return provider === 'retell' ? i18n.t('voiceProvider.concurrencyHintRetell') : i18n.t('voiceProvider.concurrencyHint');
}

/**
 * What a save changed, one line each ("Provider: Retell → Vapi", "Account: The platform's account → Own key ••••1234",
 * "Calling number: … → …", "Concurrent calls: 10 → 20"); a single "Nothing changed" line when nothing did.
 */
export function describeVoiceChanges(before: ClinicVoice, after: ClinicVoice): string[] {
  const lines: string[] = [];
  const [providerWas, providerNow] = [providerLabel(before.provider), providerLabel(after.provider)];
  if (providerWas !== providerNow) lines.push(i18n.t('voiceProvider.changeProvider', [providerWas, providerNow]));
  const [accountWas, accountNow] = [accountLabel(before), accountLabel(after)];
  if (accountWas !== accountNow) lines.push(i18n.t('voiceProvider.changeAccount', [accountWas, accountNow]));
  const [numberWas, numberNow] = [numberLabel(before), numberLabel(after)];
  if (numberWas !== numberNow) lines.push(i18n.t('voiceProvider.changeNumber', [numberWas, numberNow]));
  const [limitWas, limitNow] = [String(before.concurrencyLimit), String(after.concurrencyLimit)];
  if (limitWas !== limitNow) lines.push(i18n.t('voiceProvider.changeConcurrency', [limitWas, limitNow]));
  return lines.length ? lines : [i18n.t('voiceProvider.noChange')];
}

/**
 * The assistant sync in plain words: `done` lines ("Assistant created in Vapi: asst_1", "Assistant updated: asst_1",
 * "Assistant already up to date: …", "Duplicate assistant left alone: …") and the API's `errors` as they came.
 */
export function describeAssistantSync(sync: AgentSyncSummary): { done: string[]; errors: string[] } {
  return {
    done: [
      ...sync.created.map((id) => i18n.t('voiceProvider.syncCreated', [id])),
      ...sync.updated.map((id) => i18n.t('voiceProvider.syncUpdated', [id])),
      ...sync.unchanged.map((id) => i18n.t('voiceProvider.syncUnchanged', [id])),
      ...sync.duplicates.map((id) => i18n.t('voiceProvider.syncDuplicate', [id])),
    ],
    errors: [...sync.errors],
  };
}
