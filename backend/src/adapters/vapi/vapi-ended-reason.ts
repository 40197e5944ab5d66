// Type-only: the webhook handler classifies endings without bundling the SDK's runtime.
import type { Vapi } from '@vapi-ai/server-sdk';
import type { DisconnectionReason } from '@vfc/shared';

/**
 * What a Vapi `endedReason` means for the retry policy (docs/vapi.md, "How a call ended").
 * - `answered`: a conversation took place (either side hung up, max duration, silence after pickup, transfer issues).
 * - `no_answer` / `busy` / `voicemail`: nobody (or a machine) was reached.
 * - `invalid_number`: the number cannot be dialled; never retried.
 * - `transient`: a carrier, Vapi or upstream-model fault; retried within the policy's bounds.
 * - `account_full`: our Vapi account's concurrency was full; nothing was dialled, so the attempt does not count.
 * - `configuration_error`: the account, assistant, number or a model/voice credential is wrong; staff must act.
 * - `not_dialled`: we cancelled or deleted the call ourselves, or a web/inbound-only ending; never redialled on our own.
 */
export type VapiOutcome =
  | 'answered'
  | 'no_answer'
  | 'busy'
  | 'voicemail'
  | 'invalid_number'
  | 'transient'
  | 'account_full'
  | 'configuration_error'
  | 'not_dialled';

/** The SDK's `endedReason` union (`@vapi-ai/server-sdk` 2.0.1 `CallEndedReason`, 597 values). */
export type EndedReason = Vapi.CallEndedReason;

/** The provider-error families, classified by pattern ({@link classifyFamily}). */
export type FamilyReason = Extract<
  EndedReason,
  `pipeline-error-${string}` | `call.in-progress.error-vapifault-${string}` | `call.in-progress.error-providerfault-${string}`
>;
/** The named reasons: each has its own entry in {@link NAMED_OUTCOMES}. */
export type NamedReason = Exclude<EndedReason, FamilyReason>;

/** The provider-error family prefixes; SIP codes of outbound dialling are judged like the others. */
const FAMILY_PREFIXES = ['pipeline-error-', 'call.in-progress.error-vapifault-', 'call.in-progress.error-providerfault-'] as const;

/**
 * One outcome per named reason. Typed as a full `Record` over the SDK's union, so an SDK upgrade that adds a named
 * reason fails the typecheck until it is classified here.
 */
export const NAMED_OUTCOMES: Record<NamedReason, VapiOutcome> = {
  // Nobody answered / line busy / voicemail (only with voicemail detection on).
  'customer-did-not-answer': 'no_answer',
  'customer-busy': 'busy',
  voicemail: 'voicemail',
  // A conversation took place and ended.
  'customer-ended-call': 'answered',
  'customer-ended-call-before-warm-transfer': 'answered',
  'customer-ended-call-after-warm-transfer-attempt': 'answered',
  'customer-ended-call-during-transfer': 'answered',
  'assistant-ended-call': 'answered',
  'assistant-said-end-call-phrase': 'answered',
  'assistant-ended-call-with-hangup-task': 'answered',
  'assistant-ended-call-after-message-spoken': 'answered',
  'assistant-forwarded-call': 'answered',
  'exceeded-max-duration': 'answered',
  'silence-timed-out': 'answered', // picked up, then silence: calling again would nag
  'call.in-progress.twilio-completed-call': 'answered',
  'call.in-progress.sip-completed-call': 'answered',
  'vonage-completed': 'answered',
  'call.ending.hook-executed-say': 'answered',
  'call.ending.hook-executed-transfer': 'answered',
  // Transfer problems after the person was reached.
  'call.in-progress.error-transfer-failed': 'answered',
  'call.in-progress.error-warm-transfer-max-duration': 'answered',
  'call.in-progress.error-warm-transfer-assistant-cancelled': 'answered',
  'call.in-progress.error-warm-transfer-silence-timeout': 'answered',
  'call.in-progress.error-warm-transfer-microphone-timeout': 'answered',
  'call.forwarding.operator-busy': 'answered',
  'call.forwarding.no-answer': 'answered',
  // The number cannot be dialled.
  'twilio-reported-customer-misdialed': 'invalid_number',
  'call.start.error-vapi-number-international': 'invalid_number',
  // The carrier could not connect, or Vapi had a fault: try again later.
  'twilio-failed-to-connect-call': 'transient',
  'vonage-failed-to-connect-call': 'transient',
  'vonage-rejected': 'transient',
  'vonage-disconnected': 'transient',
  'call.in-progress.error-sip-outbound-call-failed-to-connect': 'transient',
  'phone-call-provider-closed-websocket': 'transient',
  'phone-call-provider-bypass-enabled-but-no-call-received': 'transient',
  'worker-shutdown': 'transient',
  'assistant-join-timed-out': 'transient',
  'call.start.error-vapifault-get-org': 'transient',
  'call.start.error-vapifault-get-subscription': 'transient',
  'call.start.error-vapifault-database-error': 'transient',
  'call.start.error-vapi-number-outbound-daily-limit': 'transient',
  'call.in-progress.error-assistant-did-not-receive-customer-audio': 'transient',
  // Our account's concurrency was full.
  'call.start.error-subscription-concurrency-limit-reached': 'account_full',
  // Account, assistant or number configuration: every retry would fail the same way.
  'call.start.error-subscription-frozen': 'configuration_error',
  'call.start.error-subscription-insufficient-credits': 'configuration_error',
  'call.start.error-subscription-wallet-does-not-exist': 'configuration_error',
  'call.start.error-subscription-upgrade-failed': 'configuration_error',
  'call.start.error-fraud-check-failed': 'configuration_error',
  'call.start.error-enterprise-feature-not-available-recording-consent': 'configuration_error',
  'call.start.error-get-assistant': 'configuration_error',
  'call.start.error-get-phone-number': 'configuration_error',
  'call.start.error-get-customer': 'configuration_error',
  'call.start.error-get-resources-validation': 'configuration_error',
  'call.start.error-get-transport': 'configuration_error',
  'call.start.assistant-version-error-validation': 'configuration_error',
  'assistant-not-found': 'configuration_error',
  'assistant-not-valid': 'configuration_error',
  'call-start-error-neither-assistant-nor-server-set': 'configuration_error',
  'call.in-progress.error-configfault-model-unsupported-in-squad': 'configuration_error',
  'call.in-progress.error-configfault-transport-unsupported-for-model': 'configuration_error',
  'call.in-progress.error-pipeline-no-available-llm-model': 'configuration_error',
  'call.in-progress.error-pipeline-ws-model-connection-failed': 'configuration_error',
  // Our own action, or endings of web/inbound calls that an outbound call should never see.
  'manually-canceled': 'not_dialled',
  'scheduled-call-deleted': 'not_dialled',
  'call-deleted': 'not_dialled',
  'customer-did-not-give-microphone-permission': 'not_dialled',
  'assistant-request-failed': 'not_dialled',
  'assistant-request-returned-error': 'not_dialled',
  'assistant-request-returned-unspeakable-error': 'not_dialled',
  'assistant-request-returned-invalid-assistant': 'not_dialled',
  'assistant-request-returned-no-assistant': 'not_dialled',
  'assistant-request-returned-forwarding-phone-number': 'not_dialled',
  'call.in-progress.error-sip-inbound-call-failed-to-connect': 'not_dialled',
  'call.ringing.error-sip-inbound-call-failed-to-connect': 'not_dialled',
  'call.ringing.sip-inbound-caller-hungup-before-call-connect': 'not_dialled',
  'call.ringing.hook-executed-say': 'not_dialled',
  'call.ringing.hook-executed-transfer': 'not_dialled',
};

/** Outbound SIP answers inside the provider-fault family that say something about the callee, not a fault. */
const SIP_OUTCOMES: Record<string, VapiOutcome> = {
  'outbound-sip-408-request-timeout': 'no_answer',
  'outbound-sip-480-temporarily-unavailable': 'no_answer',
  'outbound-sip-403-forbidden': 'invalid_number',
};

/** Family faults without a status code that clear up on their own (checked before {@link ACCOUNT_WORDS}). */
const TRANSIENT_WORDS =
  /(llm-failed|voice-failed|transcriber-failed|server-error|server-overloaded|socket-hang-up|timed-out|timeout|rate-limited|worker-died|worker-not-available|transport-never-connected|transport-connected-but-call-not-active|connection-to-transport-missing|system-busy|econnreset|network-error|unexpected-error|request-canceled|video-failed|failed-to-start)/;

/**
 * A provider-error family reason by pattern: an HTTP/SIP code in the name decides first (429 and 5xx → transient,
 * other 4xx → configuration error); then known transient words; anything else (invalid voice or key, quota, credits,
 * "requested upgrade", auth, invalid config…) is a configuration error: never redial on a reason we do not understand.
 */
export function classifyFamily(reason: string): VapiOutcome {
  const rest = FAMILY_PREFIXES.reduce((r, prefix) => (r.startsWith(prefix) ? r.slice(prefix.length) : r), reason);
  const sip = SIP_OUTCOMES[rest];
  if (sip) return sip;
  const code = /-(\d{3})-/.exec(`-${rest}-`)?.[1];
  if (code) {
    const n = Number(code);
    if (n === 429 || n === 408 || n >= 500) return 'transient';
    if (n >= 400) return 'configuration_error';
  }
  return TRANSIENT_WORDS.test(rest) ? 'transient' : 'configuration_error';
}

function isFamily(reason: string): boolean {
  return FAMILY_PREFIXES.some((prefix) => reason.startsWith(prefix));
}

/**
 * The outcome of a Vapi `endedReason`. A fault that fired after the person spoke (`ownerSpoke`) is `answered`: the
 * person was reached, and redialling would nag (docs/vapi.md). An unknown reason is a configuration error.
 */
export function classifyEndedReason(reason: string | undefined, ctx: { ownerSpoke?: boolean } = {}): VapiOutcome {
  if (!reason) return 'configuration_error';
  const outcome = isFamily(reason) ? classifyFamily(reason) : ((NAMED_OUTCOMES as Record<string, VapiOutcome>)[reason] ?? 'configuration_error');
  if (ctx.ownerSpoke && (outcome === 'transient' || outcome === 'configuration_error')) return 'answered';
  return outcome;
}

/**
 * The retry policy speaks our (Retell-named) `DisconnectionReason` vocabulary; each Vapi outcome maps onto the reason
 * with the same verdict and plain words (`retry-policy.ts`, `describe-disconnection.ts`).
 */
export const OUTCOME_REASON: Record<VapiOutcome, DisconnectionReason> = {
  answered: 'agent_hangup',
  no_answer: 'dial_no_answer',
  busy: 'dial_busy',
  voicemail: 'voicemail_reached',
  invalid_number: 'invalid_destination',
  transient: 'telephony_provider_unavailable',
  account_full: 'concurrency_limit_reached',
  configuration_error: 'telephony_provider_permission_denied',
  not_dialled: 'manual_stopped',
};

/** The disconnection reason our retry policy applies to a Vapi ending. */
export function toDisconnectionReason(reason: string | undefined, ctx: { ownerSpoke?: boolean } = {}): DisconnectionReason {
  return OUTCOME_REASON[classifyEndedReason(reason, ctx)];
}
