import type { Actor, CallRecord } from '@vfc/shared';

/** An entry of a call's history (status changes and provider events), stored under the call. */
export interface CallEvent {
  /** UTC ISO instant the event happened (or was received). */
  at: string;
  /** Short kind, e.g. `created`, `dialing`, `retell.call_ended`, `cancelled`. */
  type: string;
  /** Key that makes the same event recorded twice collide (e.g. `<retell call_id>#call_ended`). */
  dedupeKey: string;
  /** Free-form details without personal data (status, attempt, disconnection_reason...). */
  detail?: Record<string, unknown>;
  /** Who made the change, for changes made by someone at the clinic (created, rescheduled, cancelled, resolved, reopened). */
  by?: Actor;
}

/** Thrown when a conditional write lost a race: somebody changed the call since it was read. */
export class StaleCallError extends Error {
  constructor(readonly callId: string) {
    super(`Call ${callId} changed while it was being updated`);
    this.name = 'StaleCallError';
  }
}

/** Thrown by {@link CallStore.update} when `event.dedupeKey` was already recorded for this call. */
export class DuplicateEventError extends Error {
  constructor(readonly dedupeKey: string) {
    super(`Event ${dedupeKey} was already applied`);
    this.name = 'DuplicateEventError';
  }
}

/**
 * Filters of {@link CallStore.listClinicCalls}. `from` inclusive / `to` exclusive bound `scheduledFor` (UTC);
 * `statuses` / `attention` keep calls with one of the values; `resolved` keeps resolved (true) or unresolved (false) calls.
 */
export interface ClinicCallsFilter {
  from?: Date;
  to?: Date;
  statuses?: readonly CallRecord['status'][];
  attention?: readonly CallRecord['attention'][];
  resolved?: boolean;
}

/** One page of a clinic's calls, newest `scheduledFor` first; `nextCursor` (opaque) when more may follow. */
export interface CallPage {
  items: CallRecord[];
  nextCursor?: string;
}

/** Thrown by {@link CallStore.listClinicCalls} for a cursor it did not issue. */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this API issued');
    this.name = 'InvalidCursorError';
  }
}

/** A client's `Idempotency-Key` with the fingerprint of the request it came with. */
export interface IdempotencyClaim {
  key: string;
  /** Hex SHA-256 of the normalised request body (see `requestFingerprint`). */
  requestHash: string;
}

/** A call still to be dialled, as {@link CallStore.listScheduledToNumber} lists it: its id and its slot (UTC ISO). */
export type ScheduledCallRef = Pick<CallRecord, 'callId' | 'scheduledFor'>;

/** A call made earlier under an idempotency key, with that request's fingerprint (absent for keys stored without). */
export interface IdempotentReplay {
  call: CallRecord;
  requestHash?: string;
}

/** Result of {@link CallStore.create}: the new call, or the call an earlier request with the same idempotency key made. */
export type CreateCallResult = { created: true; call: CallRecord } | ({ created: false } & IdempotentReplay);

/** What a conditional call write expects to find stored: the version and the status it read. */
export interface ExpectedCallState {
  version: number;
  status: CallRecord['status'];
}

/** Persistence of calls and their history. Every write is conditional (optimistic locking on `version`). */
export interface CallStore {
  /**
   * Writes a new call (version 0) with its `created` event, atomically with the idempotency key when given.
   * When the key already exists for the clinic, nothing is written and the earlier call (with its request's
   * fingerprint) is returned.
   */
  create(call: CallRecord, event: CallEvent, idempotency?: IdempotencyClaim): Promise<CreateCallResult>;
  /** The call an earlier request with this key made for the clinic, or `undefined` (never seen or expired). */
  findByIdempotencyKey(clinicId: string, key: string): Promise<IdempotentReplay | undefined>;
  /** The call, or `undefined`. Not scoped: callers check `clinicId`. */
  get(callId: string): Promise<CallRecord | undefined>;
  /** The call whose current or earlier attempt has this Retell `call_id`. */
  findByRetellCallId(retellCallId: string): Promise<CallRecord | undefined>;
  /** A clinic's calls for one consultation, newest first. */
  listByConsultation(clinicId: string, consultationId: string): Promise<CallRecord[]>;
  /**
   * A page of the clinic's calls (an index on the clinic and `scheduledFor`, never a scan), newest first: exactly
   * `limit` items when that many match after `cursor`, and every matching call exactly once across pages.
   * @throws InvalidCursorError for a cursor not issued by this method.
   */
  listClinicCalls(clinicId: string, filter: ClinicCallsFilter, page: { limit: number; cursor?: string }): Promise<CallPage>;
  /**
   * Replaces the call if its stored version is still `expectedVersion` (the stored version becomes
   * `expectedVersion + 1`), and records `event` when given.
   * @throws StaleCallError when the version moved on; DuplicateEventError when the event was already recorded.
}

   * Replaces the call if its stored version is still `expected.version` AND its stored status is still
   * `expected.status` — one conditional write, so a status move is checked against the status it moves from (the
   * stored version becomes `expected.version + 1`) — and records `event` when given.
   * @throws StaleCallError when the version or status moved on; DuplicateEventError when the event was already recorded.
   */
  update(call: CallRecord, expected: ExpectedCallState, event?: CallEvent): Promise<CallRecord>;
  /**
   * A clinic's `scheduled` calls to one E.164 number whose `scheduledFor` (UTC ISO) is at or after `from`, earliest
   * first: their ids and slots only. Read from the number's calls (not the clinic's whole list), so its cost does not
   * grow with the clinic's other calls. Used by the per-number cap and to cancel them when the number opts out.
   */
  listScheduledToNumber(clinicId: string, phoneNumber: string, from: Date): Promise<ScheduledCallRef[]>;
  /**
   * A clinic's calls whose `scheduledFor` is in [`from`, `to`] and whose status is one of `statuses` (clinic's calls
   * by scheduled time, filtered), oldest first. Used by the reconciler to find stuck calls without a scan.
   */
  listByScheduledTime(clinicId: string, from: Date, to: Date, statuses: readonly CallRecord['status'][]): Promise<CallRecord[]>;
  /** Records an event without changing the call. @throws DuplicateEventError when already recorded. */
  appendEvent(callId: string, event: CallEvent): Promise<void>;
  /** The call's history, oldest first. */
  listEvents(callId: string): Promise<CallEvent[]>;
}
