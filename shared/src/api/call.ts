import * as z from '../zod.js';
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
  disconnectionReason: z.optional(z.string()),
  summary: z.optional(z.string()),
  sentiment: z.optional(Sentiment),
  inVoicemail: z.optional(z.boolean()),
  callSuccessful: z.optional(z.boolean()),
  /** Duration of the connected call in milliseconds (Retell `duration_ms`). */
  durationMs: z.optional(z.int().check(z.nonnegative())),
  /** The person asked not to be called again (from `custom_analysis_data.opt_out`). */
  optOutRequested: z.optional(z.boolean()),
  /** The agent's judgement of the pet's condition (post-call analysis `concern_level`). */
  concernLevel: z.optional(ConcernLevel),
  /** The owner asked for a vet to call back (post-call analysis `callback_requested`). */
  callbackRequested: z.optional(z.boolean()),
  /** Questions the agent could not answer (post-call analysis `owner_questions`). */
  ownerQuestions: z.optional(z.string()),
  /** The conversation, in order, when the provider gives it. */
  transcript: z.optional(z.array(TranscriptTurn)),
  /** Where the provider keeps the call's recording, when it gives one. */
  recordingUrl: z.optional(z.url()),
});
export type CallOutcome = z.infer<typeof CallOutcome>;

/** One dial attempt: when it was placed (UTC ISO) and how it ended. */
export const CallAttempt = z.object({
  attempt: z.int().check(z.positive()),
  scheduledFor: isoInstant,
  dialedAt: z.optional(isoInstant),
  endedAt: z.optional(isoInstant),
  retellCallId: z.optional(z.string()),
  disconnectionReason: z.optional(z.string()),
  /**
   * The provider account the attempt was placed through, whose concurrency slot it holds: `retell:platform`,
   * `vapi:platform` or `vapi:clinic:<clinicId>`. Absent on attempts not dialled yet (and on older ones: Retell's).
   */
  voiceAccount: z.optional(z.string()),
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
  requestedFor: z.optional(isoInstant),
  /** Human-readable reason for the move, or for the final status (failed / cancelled). */
  statusReason: z.optional(z.string()),
  /** Machine-readable code of `statusReason` (clients decide from this, never from the wording). */
  statusCode: z.optional(CallStatusCode),
  /** Who at the clinic must look at this call (`domain/triage.ts`); `none` until the call says otherwise. */
  attention: z._default(Attention, 'none'),
  /** Why (`attention` is the most urgent level among them); empty when `attention` is `none`. */
  attentionReasons: z._default(z.array(AttentionReason), []),
  /** Set once someone at the clinic has dealt with the call; removed when it is reopened. */
  resolution: z.optional(CallResolution),
  phoneNumber: z.string().check(z.regex(E164_PATTERN)),
  petName: z.string(),
  ownerName: z.string(),
  vetName: z.optional(z.string()),
  attempt: z.int().check(z.positive()),
  attempts: z._default(z.array(CallAttempt), []),
  createdAt: isoInstant,
  /** Who scheduled the call (absent on calls scheduled before sign-in existed). */
  createdBy: z.optional(Actor),
  /** Who changed the call and how, oldest first: created, rescheduled, cancelled, resolved, reopened. */
  changes: z.optional(z.array(CallChange)),
  updatedAt: isoInstant,
  retellCallId: z.optional(z.string()),
  outcome: z.optional(CallOutcome),
});
export type Call = z.infer<typeof Call>;

/** `201` answer of `POST /calls` (and `200` when an `Idempotency-Key` replays an earlier request). */
export const CreateCallResponse = Call;
export type CreateCallResponse = Call;

/**
 * `GET /calls` answer, newest `scheduledFor` first. `nextCursor` (opaque) is present when more calls match:
 * pass it back as `cursor` for the next page. A consultation's list (`?consultationId=`) is never paged.
 */
export const ListCallsResponse = z.object({ items: z.array(Call), nextCursor: z.optional(z.string()) });
export type ListCallsResponse = z.infer<typeof ListCallsResponse>;

/** A comma-separated list of enum values in a query string (`status=failed,completed`), each checked. */
function commaList<T extends readonly [string, ...string[]]>(values: T) {
  const allowed = new Set<string>(values);
  // One issue on the parameter itself (not on an element index), naming the values that are not allowed.
  return z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      const parts = text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const unknown = parts.filter((part) => !allowed.has(part));
      if (parts.length === 0 || unknown.length > 0) {
        const got = unknown.length ? ` (got ${unknown.map((part) => JSON.stringify(part)).join(', ')})` : '';
        ctx.issues.push({ code: 'custom', message: `must be one or more of ${values.join(', ')}, comma-separated${got}`, input: text });
        return z.NEVER;
      }
      return parts as T[number][];
    }),
  );
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
  consultationId: z.optional(z.string().check(z.trim(), z.regex(/^\d{1,20}$/, 'must be the digits of a Neo consultation id'))),
  from: z.optional(isoInstant),
  to: z.optional(isoInstant),
  status: z.optional(commaList(CALL_STATUSES)),
  attention: z.optional(commaList(['none', 'review', 'urgent'] as const)),
  resolved: z.optional(
    z.pipe(
      z.enum(['true', 'false'], { message: 'must be true or false' }),
      z.transform((v) => v === 'true'),
    ),
  ),
  limit: z._default(
    z.pipe(
      z.coerce.number({ message: 'must be a number' }),
      z.int('must be a whole number').check(z.gte(1, 'must be at least 1'), z.lte(LIST_CALLS_MAX_LIMIT, `must be at most ${LIST_CALLS_MAX_LIMIT}`)),
    ),
    LIST_CALLS_DEFAULT_LIMIT,
  ),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
});
export type ListCallsQuery = z.infer<typeof ListCallsQuery>;

/** Longest range of `GET /calls/export.csv` (days). */
export const EXPORT_MAX_RANGE_DAYS = 92;

/** Query of `GET /calls/export.csv`: calls whose `scheduledFor` is in [`from`, `to`), at most 92 days apart. */
export const ExportCallsQuery = z.object({ from: isoInstant, to: isoInstant }).check(
  z.refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from' }),
  z.refine((q) => Date.parse(q.to) - Date.parse(q.from) <= EXPORT_MAX_RANGE_DAYS * 86_400_000, {
    path: ['to'],
    message: `must be at most ${EXPORT_MAX_RANGE_DAYS} days after from`,
  }),
);
export type ExportCallsQuery = z.infer<typeof ExportCallsQuery>;
