import type { CallStore } from '../../ports/call-store.js';
import type { ClinicStore } from '../../ports/clinic-store.js';
import type { ProviderCallEvent } from '../../ports/provider-events.js';
import { ownedAccountOf, RETELL_PLATFORM, voiceAccountOf } from './voice-accounts.js';

/**
 * Which Retell workspace's key must have signed a webhook, from OUR records, never from the body's say-so: the body
 * (not yet verified) only names the call — `metadata.call_id` (else Retell's `call_id`) and the attempt — and the
 * account is the one that attempt was claimed on (`voiceAccount`, written before the call was placed). An attempt the
 * call does not have (or none named) stands for the call's current attempt; an attempt not claimed yet (never placed)
 * stands for the account the clinic's calls go through now (its voice settings). A clinic's own workspace
 * (`retell:clinic:<id>`) → that account: only that clinic's key verifies events about its calls, and the platform's key
 * verifies none of them; anything else (platform calls, unknown calls, calls placed before accounts were recorded) →
 * `retell:platform`.
 * @throws Error when the call or clinic store fails (the webhook answers 5xx and Retell redelivers).
 */
export async function signingAccountOf(
  deps: { calls: Pick<CallStore, 'get' | 'findByRetellCallId'>; clinics: Pick<ClinicStore, 'getClinic'> },
  event: Pick<ProviderCallEvent, 'callId' | 'attempt' | 'providerCallId'>,
): Promise<string> {
  const call = event.callId ? await deps.calls.get(event.callId) : await deps.calls.findByRetellCallId(event.providerCallId);
  if (!call) return RETELL_PLATFORM;
  const named = event.attempt ?? call.attempts.find((a) => a.retellCallId === event.providerCallId)?.attempt;
  const attempt = call.attempts.find((a) => a.attempt === named) ?? call.attempts.find((a) => a.attempt === call.attempt);
  let account = attempt?.voiceAccount;
  if (!account) {
    const clinic = await deps.clinics.getClinic(call.clinicId);
    account = clinic ? voiceAccountOf(clinic) : RETELL_PLATFORM;
  }
  return account && ownedAccountOf(account)?.provider === 'retell' ? account : RETELL_PLATFORM;
}
