import {
  classifyDisconnection,
  isTerminal,
  MAX_RETRIES,
  retryDelayMs,
  type CallRecord,
  type CallStatus,
  type Clinic,
  type CallStatusCode,
} from '@vfc/shared';
import { slotFor, storedRecipientZones } from './call-slot.js';
import { numberCapAt, releaseDial } from './calling-rules/number-cap.js';
import type { Dependencies } from './dependencies.js';
import { AppError } from './errors.js';
import { scheduleNameFor } from './schedule-names.js';
import { updateCall } from './update-call.js';
import { describeDisconnection } from './describe-disconnection.js';

/** Delay before re-dialling an attempt that did not count (provider at capacity), ms. */
export const UNCOUNTED_RETRY_DELAY_MS = 30_000;

/**
 * Moves the current attempt to a new time without counting it (window closed at dial time, provider at capacity):
 * conditional on the call still being in `fromStatus` at the same attempt; then creates the new schedule.
 * `due` is the call as the caller just read it and stands in for the read (a stale one only loses the condition and is
 * read again, see `updateCall`).
 * @returns true when this caller moved it.
 */
export async function rescheduleAttempt(
  deps: Pick<Dependencies, 'calls' | 'scheduler' | 'clock' | 'logger' | 'metrics'>,
  due: CallRecord,
  at: Date,
  kind: 'window_closed' | 'deferred' | 'held',
  status?: { reason: string; code: CallStatusCode },
  fromStatus: CallStatus = 'scheduled',
): Promise<boolean> {
  const scheduleName = scheduleNameFor(due.callId, due.attempt, at);
  const scheduledFor = at.toISOString();
  const result = await updateCall(deps, due.callId, (call) => {
    if (call.status !== fromStatus || call.attempt !== due.attempt) return undefined;
    const now = deps.clock.now().toISOString();
    return {
      next: {
        ...call,
        status: 'scheduled',
        scheduledFor,
        scheduleName,
        ...(status ? { statusReason: status.reason, statusCode: status.code } : {}),
        updatedAt: now,
        attempts: call.attempts.map((a) => (a.attempt === call.attempt ? { attempt: a.attempt, scheduledFor } : a)),
      },
      event: { at: now, type: kind, dedupeKey: `${kind}#${call.attempt}#${scheduledFor}`, detail: { attempt: call.attempt, scheduledFor } },
    };
  }, due);
  if (!result?.changed) return false;
  await deps.scheduler.schedule(scheduleName, at, { callId: due.callId, attempt: due.attempt, clinicId: due.clinicId });
  return true;
}

/** How an attempt ended, as Retell (or the dialer) reported it. */
export interface AttemptEnding {
  disconnectionReason?: string;
  /** UTC ISO. */
  endedAt: string;
  durationMs?: number;
  inVoicemail?: boolean;
}

/**
 * When the next attempt may be dialled: `delayMs` after the attempt ENDED (Retell's end time, never later than `now`),
 * and never before `now` (a late webhook does not make the retry earlier than the policy allows).
 */
export function retryBaseTime(endedAtIso: string, now: Date, delayMs: number): Date {
  const ended = Date.parse(endedAtIso);
  const base = Number.isFinite(ended) ? Math.min(ended, now.getTime()) : now.getTime();
  return new Date(Math.max(now.getTime(), base + delayMs));
}

/**
 * Applies the end of attempt `attempt`: the retry policy decides completed / failed / another attempt
 * (5, 10, 20 minutes after the attempt ended, moved into the calling window; refused — the call fails with the reason
 * and the date it frees up — when the per-number cap would be exceeded). A no-op when the call already moved past
 * that attempt or is terminal, so `call_ended` and `call_analyzed` may both report the end, in any order, any number of times.
 * The clinic (voicemail policy, calling window) is read at most once, however often a lost race makes the change run again.
 * @param known - the call as the caller last read or wrote it: saves the call's read (see `updateCall`).
 * @returns the call after the change, or `undefined` when nothing changed.
 */
export async function endAttempt(
  deps: Dependencies,
  callId: string,
  attempt: number,
  ending: AttemptEnding,
  known?: CallRecord,
): Promise<CallRecord | undefined> {
  let clinicRead: Promise<Clinic | undefined> | undefined;
  const result = await updateCall(deps, callId, async (call) => {
    if (call.attempt !== attempt || isTerminal(call.status) || call.status === 'scheduled') return undefined;
    clinicRead ??= deps.clinics.getClinic(call.clinicId);
    const clinic = await clinicRead;
    const verdict = classifyDisconnection(ending.disconnectionReason, {
      voicemailPolicy: clinic?.voicemailPolicy ?? 'complete',
      inVoicemail: ending.inVoicemail,
    });
    const now = deps.clock.now();
    const at = now.toISOString();
    const attempts = call.attempts.map((a) =>
      a.attempt === attempt
        ? { ...a, endedAt: ending.endedAt, disconnectionReason: ending.disconnectionReason, verdict }
        : a,
    );
    const outcome = {
      ...call.outcome,
      disconnectionReason: ending.disconnectionReason,
      ...(ending.durationMs !== undefined ? { durationMs: ending.durationMs } : {}),
    };
    const base = { ...call, attempts, outcome, updatedAt: at };
    const event = {
      at,
      type: 'attempt_ended',
      dedupeKey: `ended#${attempt}`,
      detail: { attempt, disconnectionReason: ending.disconnectionReason, verdict },
    };
    const finish = (status: 'completed' | 'failed', statusCode: CallStatusCode, statusReason?: string) => {
      const { statusReason: _old, statusCode: _oldCode, scheduleName: _none, ...rest } = base;
      return { next: { ...rest, status, statusCode, ...(statusReason ? { statusReason } : {}) }, event };
    };

    if (verdict === 'completed') return finish('completed', 'completed');
    if (verdict === 'failed') {
      const code = ending.disconnectionReason === 'invalid_destination' ? 'invalid_number' : 'not_retryable';
      return finish('failed', code, describeDisconnection(ending.disconnectionReason));
    }

    const retriesUsed = attempts.filter((a) => a.verdict === 'retry').length;
    const delay = verdict === 'retry' ? retryDelayMs(retriesUsed - 1) : UNCOUNTED_RETRY_DELAY_MS;
    if (delay === undefined || retriesUsed > MAX_RETRIES) {
      return finish('failed', 'max_attempts', `Not reached after ${attempts.length} attempts (${describeDisconnection(ending.disconnectionReason)})`);
    }
    if (!clinic) return finish('failed', 'not_retryable', 'The clinic of this call no longer exists');
    let nextAt: Date;
    try {
      const zones = storedRecipientZones(deps, call);
      nextAt = slotFor(clinic, retryBaseTime(ending.endedAt, now, delay), zones).at;
    } catch (error) {
      if (error instanceof AppError) return finish('failed', error.code === 'no_slot' ? 'no_slot' : 'not_retryable', error.message);
      throw error;
    }
    if (verdict === 'retry') {
      const cap = await numberCapAt(deps, clinic, call.phoneNumber, nextAt);
      if (!cap.allowed) {
        return finish('failed', 'number_cap_reached', `Stopped after ${attempts.length} attempt${attempts.length === 1 ? '' : 's'} (${describeDisconnection(ending.disconnectionReason)}): ${cap.message}`);
      }
    }
    const nextAttempt = attempt + 1;
    const scheduledFor = nextAt.toISOString();
    const { retellCallId: _previous, ...rest } = base;
    return {
      next: {
        ...rest,
        status: 'scheduled' as const,
        attempt: nextAttempt,
        scheduledFor,
        scheduleName: scheduleNameFor(callId, nextAttempt, nextAt),
        statusReason: `Retry ${nextAttempt - 1} after ${describeDisconnection(ending.disconnectionReason)}`,
        statusCode: 'retry_scheduled' as const,
        attempts: [...attempts, { attempt: nextAttempt, scheduledFor }],
      },
      event,
    };
  }, known);
  if (!result?.changed) return undefined;
  const call = result.call;
  const ended = call.attempts.find((a) => a.attempt === attempt);
  if (ended?.verdict === 'retry_without_counting' && ended.dialedAt) {
    // Our provider capacity was full: nothing was dialled, so it does not count toward the per-number cap.
    await releaseDial(deps, call.clinicId, { phoneNumber: call.phoneNumber, at: ended.dialedAt, callId, attempt });
  }
  if (call.status === 'scheduled' && call.scheduleName) {
    await deps.scheduler.schedule(call.scheduleName, new Date(call.scheduledFor), { callId, attempt: call.attempt, clinicId: call.clinicId });
  }
  deps.logger.info('attempt ended', { callId, attempt, status: call.status, disconnectionReason: ending.disconnectionReason });
  return call;
}
