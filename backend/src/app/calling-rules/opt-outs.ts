import type { OptOut, OptOutSource } from '@vfc/shared';
import { redactPhone } from '../../ports/logger.js';
import { cancelCall } from '../cancel-call.js';
import type { Dependencies } from '../dependencies.js';
import { AppError, notFound } from '../errors.js';

/**
 * The clinic's do-not-call list (FCC 24-18: consent may be revoked by any reasonable means, including on the call;
 * see docs/calling-rules.md). A number on it is never dialled: scheduling answers 409 `opted_out`,
 * the dialer cancels a due call to it, and adding it cancels the clinic's scheduled calls to it.
 */

/** `statusReason` of a call cancelled because its number is on the do-not-call list. */
export const OPTED_OUT_CANCEL_REASON = "Cancelled: the number is on the clinic's do-not-call list";

/** Scheduled calls due up to this long ago are still looked for when a number opts out (ms). */
export const OPT_OUT_LOOKBACK_MS = 24 * 3_600_000;

const DEFAULT_REASON: Record<OptOutSource, string> = {
  staff: 'Added by clinic staff',
  call: 'Asked during the call not to be called again',
};

export type OptOutDeps = Pick<Dependencies, 'optOuts' | 'calls' | 'scheduler' | 'clock' | 'logger' | 'metrics'>;

/** What {@link addOptOut} did. */
export interface AddOptOutResult {
  entry: OptOut;
  /** False when the number was already on the list (its first entry is kept). */
  added: boolean;
  /** The clinic's scheduled calls to the number that were cancelled now. */
  cancelledCallIds: string[];
}

/**
 * Puts an E.164 number on the clinic's do-not-call list (idempotent) and cancels the clinic's scheduled calls to it
 * (those due from {@link OPT_OUT_LOOKBACK_MS} ago on; the dialer's own check covers anything older).
 */
export async function addOptOut(
  deps: OptOutDeps,
  clinicId: string,
  input: { phoneNumber: string; reason?: string; source: OptOutSource; callId?: string },
): Promise<AddOptOutResult> {
  const now = deps.clock.now();
  const { entry, added } = await deps.optOuts.add(clinicId, {
    phoneNumber: input.phoneNumber,
    reason: input.reason ?? DEFAULT_REASON[input.source],
    createdAt: now.toISOString(),
    source: input.source,
    ...(input.callId ? { callId: input.callId } : {}),
  });
  const cancelledCallIds = await cancelScheduledCallsTo(deps, clinicId, input.phoneNumber, new Date(now.getTime() - OPT_OUT_LOOKBACK_MS));
  deps.logger.info('number opted out', {
    clinicId,
    phone: redactPhone(input.phoneNumber),
    source: input.source,
    added,
    cancelled: cancelledCallIds.length,
  });
  return { entry, added, cancelledCallIds };
}

/** Cancels every scheduled call of the clinic to `phoneNumber` due at or after `from`; a call that got dialled meanwhile is left alone. */
async function cancelScheduledCallsTo(deps: OptOutDeps, clinicId: string, phoneNumber: string, from: Date): Promise<string[]> {
  const cancelled: string[] = [];
  for (const call of await deps.calls.listScheduledToNumber(clinicId, phoneNumber, from)) {
    try {
      await cancelCall(deps, clinicId, call.callId, OPTED_OUT_CANCEL_REASON, 'opted_out');
      cancelled.push(call.callId);
    } catch (error) {
      if (error instanceof AppError && error.status === 409) continue; // dialled or ended since it was listed
      throw error;
    }
  }
  return cancelled;
}

/** Takes a number off the list. @throws AppError 404 when it is not on it. */
export async function removeOptOut(deps: Pick<Dependencies, 'optOuts' | 'logger'>, clinicId: string, phoneNumber: string): Promise<void> {
  if (!(await deps.optOuts.remove(clinicId, phoneNumber))) throw notFound("This number on the clinic's do-not-call list");
  deps.logger.info('opt-out removed', { clinicId, phone: redactPhone(phoneNumber) });
}

/** The clinic's do-not-call list, ordered by number. */
export async function listOptOuts(deps: Pick<Dependencies, 'optOuts'>, clinicId: string): Promise<OptOut[]> {
  return deps.optOuts.list(clinicId);
}

/** @throws AppError 409 `opted_out` when the number is on the clinic's do-not-call list. */
export async function assertNotOptedOut(deps: Pick<Dependencies, 'optOuts'>, clinicId: string, phoneNumber: string): Promise<void> {
  if (await deps.optOuts.isOptedOut(clinicId, phoneNumber)) throw optedOutError();
}

/** The 409 `opted_out` answer to a call to a number on the clinic's do-not-call list. */
export function optedOutError(): AppError {
  return new AppError(
    409,
    'opted_out',
    "This number is on the clinic's do-not-call list (the owner asked not to be called), so no call can be scheduled to it. " +
      'An admin can remove it from the list if the owner agrees to calls again.',
  );
}
