import * as z from 'zod';
import { E164_PATTERN } from '../domain/phone.js';
import { Attention, AttentionReason, CallResolution, CallStatusCode, ConcernLevel, TranscriptTurn } from './triage.js';
import { Actor } from './identity.js';

/**
 * Lifecycle of a follow-up call, shared by the HTTP API and the stored record.
 * `scheduled` → `dialing` → `in_progress` → `completed`; `failed` and `cancelled` are terminal too.
 * The allowed moves are in `domain/call-state.ts`.
 */
export const CALL_STATUSES = ['scheduled', 'dialing', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export const CallStatus = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof CallStatus>;

/** An ISO-8601 instant that carries an offset or `Z` (e.g. `2026-11-23T15:00:00-08:00`). */
export const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with an offset or Z' });

/** Body of `PATCH /calls/{callId}`: move a still-`scheduled` call. */
export const RescheduleCallRequest = z.object({ scheduledFor: isoInstant });
export type RescheduleCallRequest = z.infer<typeof RescheduleCallRequest>;

/** Retell's `call_analysis.user_sentiment` values (docs.retellai.com, "Call object"). */
export const Sentiment = z.enum(['Negative', 'Positive', 'Neutral', 'Unknown']);
export type Sentiment = z.infer<typeof Sentiment>;

/** What we learned from Retell about how the latest attempt went. */
export const CallOutcome = z.object({
  disconnectionReason: z.string().optional(),
  summary: z.string().optional(),
  sentiment: Sentiment.optional(),
  inVoicemail: z.boolean().optional(),
  callSuccessful: z.boolean().optional(),
  /** Duration of the connected call in milliseconds (Retell `duration_ms`). */
  durationMs: z.number().int().nonnegative().optional(),
  /** The person asked not to be called again (from `custom_analysis_data.opt_out`). */
  optOutRequested: z.boolean().optional(),
  /** The agent's judgement of the pet's condition (post-call analysis `concern_level`). */
  concernLevel: ConcernLevel.optional(),
  /** The owner asked for a vet to call back (post-call analysis `callback_requested`). */
  callbackRequested: z.boolean().optional(),
  /** Questions the agent could not answer (post-call analysis `owner_questions`). */
  ownerQuestions: z.string().optional(),
  /** The conversation, in order, when the provider gives it. */
  transcript: z.array(TranscriptTurn).optional(),
  /** Where the provider keeps the call's recording, when it gives one. */
  recordingUrl: z.string().url().optional(),
});
export type CallOutcome = z.infer<typeof CallOutcome>;

/** One dial attempt: when it was placed (UTC ISO) and how it ended. */
export const CallAttempt = z.object({
  attempt: z.number().int().positive(),
  scheduledFor: isoInstant,
  dialedAt: isoInstant.optional(),
  endedAt: isoInstant.optional(),
  retellCallId: z.string().optional(),
  disconnectionReason: z.string().optional(),
  /**
   * The provider account the attempt was placed through, whose concurrency slot it holds: `retell:platform`,
   * `vapi:platform` or `vapi:clinic:<clinicId>`. Absent on attempts not dialled yet (and on older ones: Retell's).
   */
  voiceAccount: z.string().optional(),
});
export type CallAttempt = z.infer<typeof CallAttempt>;

/** What a person (or an API key) did to a call: the changes the clinic answers for. */
export const CALL_CHANGE_ACTIONS = ['created', 'rescheduled', 'cancelled', 'resolved', 'reopened'] as const;

/** One change to a call by someone at the clinic: when (UTC ISO), what, and who ({@link Actor}). */
export const CallChange = z.object({ at: isoInstant, action: z.enum(CALL_CHANGE_ACTIONS), by: Actor });
export type CallChange = z.infer<typeof CallChange>;

/**
 * A call as the HTTP API returns it. All instants are UTC ISO-8601 (`...Z`); the extension shows them in
 * the clinic's timezone. `attempt` starts at 1 and grows with each retry.
 */
export const Call = z.object({
  callId: z.string(),
  consultationId: z.string(),
  status: CallStatus,
  scheduledFor: isoInstant,
  /** Set when the backend moved the call from the time staff asked for (e.g. outside calling hours). */
  requestedFor: isoInstant.optional(),
  /** Human-readable reason for the move, or for the final status (failed / cancelled). */
  statusReason: z.string().optional(),
  /** Machine-readable code of `statusReason` (clients decide from this, never from the wording). */
  statusCode: CallStatusCode.optional(),
  /** Who at the clinic must look at this call (`domain/triage.ts`); `none` until the call says otherwise. */
  attention: Attention.default('none'),
  /** Why (`attention` is the most urgent level among them); empty when `attention` is `none`. */
  attentionReasons: z.array(AttentionReason).default([]),
  /** Set once someone at the clinic has dealt with the call; removed when it is reopened. */
  resolution: CallResolution.optional(),
  phoneNumber: z.string().regex(E164_PATTERN),
  petName: z.string(),
  ownerName: z.string(),
  vetName: z.string().optional(),
  attempt: z.number().int().positive(),
  attempts: z.array(CallAttempt).default([]),
  createdAt: isoInstant,
  /** Who scheduled the call (absent on calls scheduled before sign-in existed). */
  createdBy: Actor.optional(),
  /** Who changed the call and how, oldest first: created, rescheduled, cancelled, resolved, reopened. */
  changes: z.array(CallChange).optional(),
  updatedAt: isoInstant,
  retellCallId: z.string().optional(),
  outcome: CallOutcome.optional(),
});
export type Call = z.infer<typeof Call>;

/** `201` answer of `POST /calls` (and `200` when an `Idempotency-Key` replays an earlier request). */
export const CreateCallResponse = Call;
export type CreateCallResponse = Call;

/**
 * `GET /calls` answer, newest `scheduledFor` first. `nextCursor` (opaque) is present when more calls match:
 * pass it back as `cursor` for the next page. A consultation's list (`?consultationId=`) is never paged.
 */
export const ListCallsResponse = z.object({ items: z.array(Call), nextCursor: z.string().optional() });
export type ListCallsResponse = z.infer<typeof ListCallsResponse>;

/** A comma-separated list of enum values in a query string (`status=failed,completed`), each checked. */
function commaList<T extends readonly [string, ...string[]]>(values: T) {
  const allowed = new Set<string>(values);
  // One issue on the parameter itself (not on an element index), naming the values that are not allowed.
  return z.string().transform((text, ctx) => {
    const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
    const unknown = parts.filter((part) => !allowed.has(part));
    if (parts.length === 0 || unknown.length > 0) {
      const got = unknown.length ? ` (got ${unknown.map((part) => JSON.stringify(part)).join(', ')})` : '';
      ctx.addIssue({ code: 'custom', message: `must be one or more of ${values.join(', ')}, comma-separated${got}` });
      return z.NEVER;
    }
    return parts as T[number][];
  });
}

/** Largest page of `GET /calls`. */
export const LIST_CALLS_MAX_LIMIT = 100;
/** Page size of `GET /calls` when `limit` is not given. */
export const LIST_CALLS_DEFAULT_LIMIT = 50;

/**
 * Query of `GET /calls`. With `consultationId`: that consultation's calls (every other parameter is ignored).
 * Without: every call of the clinic, filtered — `from`/`to` are ISO instants on `scheduledFor` (from inclusive,
 * to exclusive), `status` and `attention` take comma-separated values, `resolved=true|false`, `limit` 1–100
 * (default 50), `cursor` from the previous page's `nextCursor`.
 */
export const ListCallsQuery = z.object({
  consultationId: z.string().trim().regex(/^\d{1,20}$/, 'must be the digits of a Neo consultation id').optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  status: commaList(CALL_STATUSES).optional(),
  attention: commaList(['none', 'review', 'urgent'] as const).optional(),
  resolved: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LIST_CALLS_MAX_LIMIT, `must be at most ${LIST_CALLS_MAX_LIMIT}`)
    .default(LIST_CALLS_DEFAULT_LIMIT),
  cursor: z.string().min(1).max(2000).optional(),
});
export type ListCallsQuery = z.infer<typeof ListCallsQuery>;

/** Longest range of `GET /calls/export.csv` (days). */
export const EXPORT_MAX_RANGE_DAYS = 92;

/** Query of `GET /calls/export.csv`: calls whose `scheduledFor` is in [`from`, `to`), at most 92 days apart. */
export const ExportCallsQuery = z
  .object({ from: isoInstant, to: isoInstant })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= EXPORT_MAX_RANGE_DAYS * 86_400_000, {
    path: ['to'],
    message: `must be at most ${EXPORT_MAX_RANGE_DAYS} days after from`,
  });
export type ExportCallsQuery = z.infer<typeof ExportCallsQuery>;
