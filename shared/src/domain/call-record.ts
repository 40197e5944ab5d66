import * as z from '../zod.js';
import { Call, CallAttempt } from '../api/call.js';

/** A dial attempt as stored: the API's view plus how the retry policy judged it. */
export const StoredAttempt = z.extend(CallAttempt, {
  /** Verdict of the retry policy on this attempt's `disconnection_reason` (see `domain/retry-policy.ts`). */
  verdict: z.optional(z.enum(['completed', 'retry', 'failed', 'retry_without_counting'])),
});
export type StoredAttempt = z.infer<typeof StoredAttempt>;

/**
 * A call as stored in DynamoDB: the API's {@link Call} plus what only the backend needs.
 * `version` is the optimistic-lock counter: every write is conditional on the version it read.
 * `expiresAt` is the TTL instant in epoch SECONDS (DynamoDB TTL's unit).
 */
export const CallRecord = z.extend(Call, {
  clinicId: z.string(),
  dischargeSummary: z.optional(z.string()),
  notes: z.optional(z.string()),
  recipientTimezone: z.optional(z.string()),
  /**
   * IANA zones of `phoneNumber`, looked up when the call was scheduled (libphonenumber's prefix → zone mapping) and
   * read back by the dialer and retries; `[]` when the number has no known zone (the clinic's zone then bounds the
   * window). Absent when `recipientTimezone` is set (it wins) and on calls stored before zones were stored.
   */
  recipientZones: z.optional(z.array(z.string())),
  attempts: z.array(StoredAttempt),
  /** Name of the EventBridge Scheduler schedule that will fire the current attempt, while `scheduled`. */
  scheduleName: z.optional(z.string()),
  version: z.int().check(z.nonnegative()),
  expiresAt: z.int(),
});
export type CallRecord = z.infer<typeof CallRecord>;

/** The API view of a stored call: drops backend-only fields (clinic, version, TTL, schedule, notes). */
export function toCallView(record: CallRecord): Call {
  const { clinicId, dischargeSummary, notes, recipientTimezone, recipientZones, scheduleName, version, expiresAt, attempts, ...view } = record;
  return { ...view, attempts: attempts.map(({ verdict, ...attempt }) => attempt) };
}
