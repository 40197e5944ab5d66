/**
 * What a finished Retell call attempt means for the follow-up: done, try again, or give up.
 *
 * Reasons: Retell's `disconnection_reason` values as listed in `docs/retell.md` (retell-sdk 5.66.x
 * `CallResponse.disconnection_reason`). Starting policy: `docs/calling-rules.md` — retry no-answer and
 * busy (and transient provider errors) after 5, 10, 20 minutes, at most 3 retries; never retry `dial_failed` or
 * `invalid_destination`; a conversation that ended is a completed call. The per-number cap (`number-cap.ts`) and the
 * calling window (`calling-window.ts`) still apply to every retry; they are the caller's job.
 */

/** Every `disconnection_reason` Retell documents (retell-api.md). */
export const DISCONNECTION_REASONS = [
  // normal
  'user_hangup',
  'agent_hangup',
  'call_transfer',
  'voicemail_reached',
  'ivr_reached',
  'inactivity',
  'max_duration_reached',
  // account limits
  'concurrency_limit_reached',
  'no_concurrency_fallback',
  'no_valid_payment',
  'scam_detected',
  // dialling
  'dial_busy',
  'dial_failed',
  'dial_no_answer',
  'invalid_destination',
  'telephony_provider_permission_denied',
  'telephony_provider_unavailable',
  'sip_routing_error',
  'marked_as_spam',
  'user_declined',
  // errors
  'error_llm_websocket_open',
  'error_llm_websocket_lost_connection',
  'error_llm_websocket_runtime',
  'error_llm_websocket_corrupt_payload',
  'error_no_audio_received',
  'error_asr',
  'error_retell',
  'error_unknown',
  'error_user_not_joined',
  // other
  'registered_call_timeout',
  'transfer_bridged',
  'transfer_cancelled',
  'manual_stopped',
  'call_take_over',
] as const;
export type DisconnectionReason = (typeof DISCONNECTION_REASONS)[number];

/**
 * - `completed`: the follow-up happened (a conversation took place); no more attempts.
 * - `retry`: nobody was reached or a transient fault ended it; try again after `retryDelayMs`, counting the retry.
 * - `retry_without_counting`: the call never left our side because of OUR provider capacity; try again shortly
 *   without using up a retry; nothing was dialled, so it does not count toward the per-number cap either.
 * - `failed`: give up; a person (staff) decides what to do next.
 */
export type AttemptVerdict = 'completed' | 'retry' | 'failed' | 'retry_without_counting';

/** The verdict per reason. `voicemail_reached` is listed as `completed` (the default policy); see `classifyDisconnection`. */
export const DISCONNECTION_VERDICTS: Record<DisconnectionReason, AttemptVerdict> = {
  // A conversation took place and ended normally: the follow-up is done.
  user_hangup: 'completed',
  agent_hangup: 'completed',
  call_transfer: 'completed',
  transfer_bridged: 'completed', // handed to clinic staff: they talked
  transfer_cancelled: 'completed', // the transfer was cancelled after a conversation with the agent
  call_take_over: 'completed', // a human took the call over
  inactivity: 'completed', // the call connected and then went silent: calling again would nag
  max_duration_reached: 'completed', // a long conversation happened
  voicemail_reached: 'completed', // message left; the clinic's voicemail policy may turn it into 'retry'
  // Reached a machine or nobody: worth another try.
  ivr_reached: 'retry', // a phone menu answered, not the owner
  dial_no_answer: 'retry',
  dial_busy: 'retry',
  // Transient faults of the carrier, of Retell or of the LLM link: the person was not (fully) served.
  telephony_provider_unavailable: 'retry',
  sip_routing_error: 'retry',
  error_llm_websocket_open: 'retry',
  error_llm_websocket_lost_connection: 'retry',
  error_llm_websocket_runtime: 'retry',
  error_llm_websocket_corrupt_payload: 'retry',
  error_no_audio_received: 'retry',
  error_asr: 'retry',
  error_retell: 'retry',
  error_unknown: 'retry', // Retell's own "unknown error": a provider fault, bounded by MAX_RETRIES and the cap
  error_user_not_joined: 'retry',
  registered_call_timeout: 'retry',
  // Our workspace's concurrency was full: nothing was dialled, so the attempt does not count.
  concurrency_limit_reached: 'retry_without_counting',
  no_concurrency_fallback: 'retry_without_counting',
  // Redialling cannot help, or must not happen.
  dial_failed: 'failed', // design doc: never retry
  invalid_destination: 'failed', // design doc: never retry
  no_valid_payment: 'failed', // account billing: every retry would fail the same way until ops fix it
  scam_detected: 'failed', // Retell blocked the call: do not try to get around it
  marked_as_spam: 'failed', // redialling a number that flags us as spam harms the clinic's caller reputation
  user_declined: 'failed', // the owner rejected the call: redialling would harass (and may signal revoked consent)
  telephony_provider_permission_denied: 'failed', // a configuration/permission problem, not a transient one
  manual_stopped: 'failed', // a person stopped it on purpose: never redial on our own
};

const KNOWN = new Set<string>(DISCONNECTION_REASONS);

/** Is `reason` one of Retell's documented `disconnection_reason` values? */
export function isDisconnectionReason(reason: string): reason is DisconnectionReason {
  return KNOWN.has(reason);
}

/**
 * The verdict for one finished attempt. An unknown or missing reason is `failed`: never redial on something we do
 * not understand. Voicemail (`voicemail_reached`, or a conversation verdict with `call_analysis.in_voicemail` true)
 * follows the clinic's policy: `complete` → `completed`, `retry` → `retry`.
 */
export function classifyDisconnection(
  reason: string | undefined,
  ctx: { voicemailPolicy: 'complete' | 'retry'; inVoicemail?: boolean },
): AttemptVerdict {
  const base: AttemptVerdict = reason !== undefined && isDisconnectionReason(reason) ? DISCONNECTION_VERDICTS[reason] : 'failed';
  const voicemail = reason === 'voicemail_reached' || (ctx.inVoicemail === true && base === 'completed');
  if (voicemail) return ctx.voicemailPolicy === 'retry' ? 'retry' : 'completed';
  return base;
}

/** Wait before retry n+1, in MINUTES, indexed by the number of retries already made (calling-rules.md). */
export const RETRY_DELAYS_MINUTES = [5, 10, 20] as const;
/** Retries after the first attempt (so at most 4 dials per call, and fewer when the per-number cap says so). */
export const MAX_RETRIES = 3;

/**
 * Delay before the next retry, in MILLISECONDS, given how many retries were already made:
 * 0 → 5 min, 1 → 10 min, 2 → 20 min, 3 or more → `undefined` (no more retries).
 * @throws RangeError when `retriesSoFar` is not an integer ≥ 0.
 */
export function retryDelayMs(retriesSoFar: number): number | undefined {
  if (!Number.isInteger(retriesSoFar) || retriesSoFar < 0) throw new RangeError('retriesSoFar must be an integer ≥ 0');
  if (retriesSoFar >= MAX_RETRIES) return undefined;
  const minutes = RETRY_DELAYS_MINUTES[retriesSoFar];
  return minutes === undefined ? undefined : minutes * 60_000;
}
