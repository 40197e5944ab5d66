import * as z from '../zod.js';

/**
 * How urgently a person at the clinic must look at a call, from the call's ending and the agent's post-call analysis.
 * `urgent` first, then `review`; `none` needs nobody. The table that decides it is `domain/triage.ts`.
 */
export const ATTENTION_LEVELS = ['none', 'review', 'urgent'] as const;
export const Attention = z.enum(ATTENTION_LEVELS);
export type Attention = z.infer<typeof Attention>;

/**
 * Why a call needs attention — one code per fact, several may apply. The documented table (code → level) is
 * `TRIAGE_TABLE` in `domain/triage.ts` and README's "Triage" section.
 * - `concern_urgent` / `concern_minor`: the agent's `concern_level` analysis field.
 * - `callback_requested`: the owner asked for a vet to call back (`callback_requested`).
 * - `owner_questions`: questions the agent could not answer (`owner_questions`, non-empty).
 * - `unreachable`: the call ended `failed` — attempts used up, the per-number cap, or an invalid number.
 * - `voicemail_left`: the last attempt reached voicemail.
 * - `opted_out`: the owner asked not to be called again.
 * - `restored_from_backup`: the table was restored from a backup after this call's time had passed, so it may have been
 *   dialled already; it is held (`statusCode` `held_for_review`) until someone moves or cancels it.
 */
export const ATTENTION_REASONS = [
  'concern_urgent',
  'concern_minor',
  'callback_requested',
  'owner_questions',
  'unreachable',
  'voicemail_left',
  'opted_out',
  'restored_from_backup',
] as const;
export const AttentionReason = z.enum(ATTENTION_REASONS);
export type AttentionReason = z.infer<typeof AttentionReason>;

/**
 * Machine-readable code for every status reason the backend gives (`statusCode` beside the plain-words
 * `statusReason`). Clients decide from these codes, never from the English wording.
 */
export const CALL_STATUS_CODES = [
  /** Scheduled at a later time than asked: the asked time was outside the calling window. */
  'moved_to_window',
  /** Due, waiting for a free line at the voice provider (its concurrency limit). */
  'waiting_for_slot',
  /** An attempt ended unanswered / busy / voicemail; the next attempt is scheduled. */
  'retry_scheduled',
  /** The agent of the clinic is orphaned or not voice-enabled: the due call is held. */
  'agent_unusable',
  /** The number is on the clinic's do-not-call list (cancelled or failed because of it). */
  'opted_out',
  /** The per-number cap (FCC 20-186) was reached. */
  'number_cap_reached',
  /** No allowed calling slot within the search horizon. */
  'no_slot',
  /** The provider says the number cannot be called. */
  'invalid_number',
  /** Every allowed attempt was used without an answer. */
  'max_attempts',
  /** An attempt ended in a way that is not retried (e.g. a provider configuration error). */
  'not_retryable',
  /**
   * Restored from a backup with its time already passed (it may have been dialled after the backup was taken): held,
   * never dialled, until someone at the clinic moves it to a new time or cancels it.
   */
  'held_for_review',
  /** Cancelled by a person at the clinic. */
  'cancelled_by_staff',
  /** Answered and finished. */
  'completed',
] as const;
export const CallStatusCode = z.enum(CALL_STATUS_CODES);
export type CallStatusCode = z.infer<typeof CallStatusCode>;

/** The agent's judgement of the pet's condition (post-call analysis field `concern_level`). */
export const CONCERN_LEVELS = ['none', 'minor', 'urgent'] as const;
export const ConcernLevel = z.enum(CONCERN_LEVELS);
export type ConcernLevel = z.infer<typeof ConcernLevel>;

/** One turn of a call's transcript; `owner` is the person called (the pet's owner). */
export const TranscriptTurn = z.object({ role: z.enum(['agent', 'owner']), text: z.string() });
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

/**
 * Someone at the clinic has dealt with the call. `resolvedAt` is a UTC ISO instant; `resolvedBy` is the label of the
 * token (or, with personal sign-in, the person) that resolved it.
 */
export const CallResolution = z.object({
  resolvedAt: z.iso.datetime({ offset: true }),
  resolvedBy: z.string(),
  note: z.optional(z.string()),
});
export type CallResolution = z.infer<typeof CallResolution>;

/** Body of `POST /calls/{callId}/resolve`. */
export const ResolveCallRequest = z.object({
  note: z.optional(z.string().check(z.trim(), z.maxLength(1000, 'must be at most 1000 characters'))),
});
export type ResolveCallRequest = z.infer<typeof ResolveCallRequest>;
