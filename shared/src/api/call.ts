import { z } from 'zod';
import { E164_PATTERN, phoneNumberInput } from '../domain/phone.js';
import { IanaTimezone } from '../domain/clinic.js';

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

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => trimmed(max).min(1, 'is required');

/**
 * Body of `POST /calls`. `scheduledFor` is an instant (offset or `Z`), never in the past
 * (checked by the use case against its clock, since "now" is not a schema fact).
 * `phoneNumber` is what staff typed; the backend normalises it to E.164 (default region US).
 */
export const CreateCallRequest = z.object({
  consultationId: z.string().trim().regex(/^\d{1,20}$/, 'must be the digits of a Neo consultation id'),
  petName: required(100),
  ownerName: required(200),
  phoneNumber: phoneNumberInput,
  vetName: trimmed(200).optional(),
  dischargeSummary: trimmed(4000).optional(),
  notes: trimmed(2000).optional(),
  /** IANA zone of the person called, when staff know it (wins over the zone guessed from the number). */
  recipientTimezone: IanaTimezone.optional(),
  scheduledFor: isoInstant,
});
export type CreateCallRequest = z.infer<typeof CreateCallRequest>;

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
});
export type CallAttempt = z.infer<typeof CallAttempt>;

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
  phoneNumber: z.string().regex(E164_PATTERN),
  petName: z.string(),
  ownerName: z.string(),
  vetName: z.string().optional(),
  attempt: z.number().int().positive(),
  attempts: z.array(CallAttempt).default([]),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  retellCallId: z.string().optional(),
  outcome: CallOutcome.optional(),
});
export type Call = z.infer<typeof Call>;

/** `201` answer of `POST /calls` (and `200` when an `Idempotency-Key` replays an earlier request). */
export const CreateCallResponse = Call;
export type CreateCallResponse = Call;

/** `GET /calls?consultationId=<id>` answer, newest first. */
export const ListCallsResponse = z.object({ items: z.array(Call) });
export type ListCallsResponse = z.infer<typeof ListCallsResponse>;

/** Query of `GET /calls`. */
export const ListCallsQuery = z.object({
  consultationId: z.string().trim().regex(/^\d{1,20}$/, 'must be the digits of a Neo consultation id'),
});
