import type { Actor, CallRecord, CallStatusCode } from '@vfc/shared';
import { withChange } from './actor.js';
import type { Dependencies } from './dependencies.js';
import { conflict, notFound } from './errors.js';
import { updateCall } from './update-call.js';

/**
 * Cancels a call that is still `scheduled` and deletes its schedule.
 * Racing the dialer is safe: both write conditionally, so either the call is cancelled or it is dialled, never both.
 * @param reason - shown to staff as the call's `statusReason`.
 * @param code - its machine-readable `statusCode`.
 * @param by - who cancelled it (recorded on the call's `changes` and the history event); absent when the system did.
 * @param known - the call as the caller just read it, used instead of reading it again (see `updateCall`).
 * @throws AppError 404 (missing or another clinic's), 409 (no longer `scheduled`).
 */
export async function cancelCall(
  deps: Pick<Dependencies, 'calls' | 'scheduler' | 'clock' | 'logger' | 'metrics'>,
  clinicId: string,
  callId: string,
  reason = 'Cancelled by clinic staff',
  code: CallStatusCode = 'cancelled_by_staff',
  by?: Actor,
  known?: CallRecord,
): Promise<CallRecord> {
  let scheduleName: string | undefined;
  const result = await updateCall(deps, callId, (call) => {
    if (call.clinicId !== clinicId) throw notFound('Call');
    if (call.status !== 'scheduled') {
      throw conflict(`Only a scheduled call can be cancelled; this call is ${call.status.replace('_', ' ')}.`);
    }
    scheduleName = call.scheduleName;
    const at = deps.clock.now().toISOString();
    const { scheduleName: _dropped, ...rest } = call;
    return {
      next: { ...rest, status: 'cancelled', statusReason: reason, statusCode: code, ...(by ? { changes: withChange(call, { at, action: 'cancelled', by }) } : {}), updatedAt: at },
      event: { at, type: 'cancelled', dedupeKey: 'cancelled', detail: { attempt: call.attempt }, ...(by ? { by } : {}) },
    };
  }, known);
  if (!result) throw notFound('Call');
  if (scheduleName) await deps.scheduler.cancel(scheduleName);
  deps.logger.info('call cancelled', { callId, clinicId });
  return result.call;
}
