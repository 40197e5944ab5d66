import type { CallRecord, Clinic } from '@vfc/shared';
import type { DialRecord } from '../../ports/number-usage-store.js';
import { cancelCall } from '../cancel-call.js';
import type { Dependencies } from '../dependencies.js';
import { AppError } from '../errors.js';
import { updateCall } from '../update-call.js';
import { releaseDial, reserveDial } from './number-cap.js';
import { OPTED_OUT_CANCEL_REASON } from './opt-outs.js';

/**
 * The dialer's calling-rules checks, in the order it runs them:
 * 1. {@link isEarlyFiring}: a schedule firing well before the call's `scheduledFor` is a leftover of a reschedule → skip;
 * 2. {@link cancelIfOptedOut}: the number is on the do-not-call list → cancel the call with the reason, never dial;
 * 3. after the `scheduled → dialing` claim, {@link reserveClaimedDial}: record the dial for the per-number cap, or fail
 *    the call with the cap's reason when it would exceed it.
 */

/** How much earlier than `scheduledFor` a firing may come and still be this call's (clock skew), ms. */
export const EARLY_FIRING_TOLERANCE_MS = 60_000;

/** True when `now` is more than {@link EARLY_FIRING_TOLERANCE_MS} before the call's `scheduledFor`. */
export function isEarlyFiring(call: CallRecord, now: Date): boolean {
  return Date.parse(call.scheduledFor) - now.getTime() > EARLY_FIRING_TOLERANCE_MS;
}

/** Cancels the due call when its number opted out. @returns true when the call must not be dialled. */
export async function cancelIfOptedOut(deps: Dependencies, call: CallRecord): Promise<boolean> {
  if (!(await deps.optOuts.isOptedOut(call.clinicId, call.phoneNumber))) return false;
  await cancelOptedOut(deps, call);
  return true;
}

/**
 * Cancels a due call whose number the caller found on the do-not-call list (no second look at the list). `call` is the
 * call as just read and saves reading it again; if it changed meanwhile the conditional write is redone on a fresh read.
 */
export async function cancelOptedOut(deps: Dependencies, call: CallRecord): Promise<void> {
  try {
    await cancelCall(deps, call.clinicId, call.callId, OPTED_OUT_CANCEL_REASON, 'opted_out', undefined, call);
  } catch (error) {
    if (!(error instanceof AppError && error.status === 409)) throw error; // someone else moved it on: still no dial
  }
}

/** The dial record of a claimed (`dialing`) call's current attempt; `at` is the attempt's `dialedAt`. */
export function dialOf(call: CallRecord): DialRecord {
  const dialedAt = call.attempts.find((a) => a.attempt === call.attempt)?.dialedAt ?? call.updatedAt;
  return { phoneNumber: call.phoneNumber, at: dialedAt, callId: call.callId, attempt: call.attempt };
}

/**
 * Records the claimed attempt's dial against the per-number cap. When the cap would be exceeded the call goes
 * `dialing → failed` with the cap's message (incl. when the number frees up) and is not dialled.
 * @returns true when the call may be placed.
 */
export async function reserveClaimedDial(deps: Dependencies, call: CallRecord, clinic: Clinic): Promise<boolean> {
  const check = await reserveDial(deps, clinic, dialOf(call));
  if (check.allowed) return true;
  await updateCall(deps, call.callId, (current) => {
    if (current.status !== 'dialing' || current.attempt !== call.attempt) return undefined;
    const at = deps.clock.now().toISOString();
    return {
      next: { ...current, status: 'failed', statusReason: check.message, statusCode: 'number_cap_reached', updatedAt: at },
      event: { at, type: 'number_cap_reached', dedupeKey: `cap#${call.attempt}`, detail: { attempt: call.attempt, freesAt: check.freesAt.toISOString() } },
    };
  }, call);
  deps.logger.warn('per-number cap reached at dial time', { callId: call.callId, attempt: call.attempt });
  return false;
}

/** Releases the claimed attempt's dial when nothing reached the carrier (provider at capacity or request refused). */
export async function releaseClaimedDial(deps: Dependencies, call: CallRecord): Promise<void> {
  await releaseDial(deps, call.clinicId, dialOf(call));
}
