import type { Actor, CallRecord } from '@vfc/shared';
import { withChange } from '../actor.js';
import { slotFor, storedRecipientZones } from '../call-slot.js';
import type { Dependencies, RecipientZoneDependencies } from '../dependencies.js';
import { conflict, invalidField, notFound } from '../errors.js';
import { PAST_TOLERANCE_MS } from '../schedule-call.js';
import { scheduleNameFor } from '../schedule-names.js';
import { updateCall } from '../update-call.js';
import { assertUnderNumberCap } from './number-cap.js';
import { assertNotOptedOut } from './opt-outs.js';
import { requireClinic } from '../read-clinic.js';

/**
 * `PATCH /calls/{callId}`: moves a still-`scheduled` call (its current attempt) to a new time under the same rules as
 * scheduling — not in the past, moved into the calling window (answer carries `requestedFor` + `statusReason` when
 * moved), refused for an opted-out number or past the per-number cap. The record changes first (conditionally), then
 * the new schedule is created and the old one deleted; a stale firing of the old one is skipped by the dialer (the
 * call is not due yet).
 * `by` (who moved it) is recorded on the call's `changes` and the history event.
 * @throws AppError 400 (past), 404 (missing / another clinic's), 409 (not scheduled, opted out, cap), 422 (no slot).
 */
export async function rescheduleCall(
  deps: Pick<Dependencies, 'calls' | 'clinics' | 'optOuts' | 'numberUsage' | 'scheduler' | 'clock' | 'logger' | 'metrics'> &
    RecipientZoneDependencies,
  clinicId: string,
  callId: string,
  scheduledForIso: string,
  by?: Actor,
): Promise<CallRecord> {
  const before = await deps.calls.get(callId);
  if (!before || before.clinicId !== clinicId) throw notFound('Call');
  assertScheduled(before);
  const clinic = await requireClinic(deps, clinicId);

  const now = deps.clock.now();
  const asked = new Date(scheduledForIso);
  if (asked.getTime() < now.getTime() - PAST_TOLERANCE_MS) throw invalidField('scheduledFor', 'must not be in the past');
  const requested = asked < now ? now : asked;
  await assertNotOptedOut(deps, clinicId, before.phoneNumber);
  // The zones stored when it was scheduled; a call stored before zones were stored has its number looked up now and
  // keeps the answer, so the dialer finds them.
  const lookUp = !before.recipientTimezone && !before.recipientZones;
  const zones = lookUp ? await deps.recipientZones(before.phoneNumber) : storedRecipientZones(deps, before);
  const slot = slotFor(clinic, requested, zones);
  await assertUnderNumberCap(deps, clinic, before.phoneNumber, slot.at, callId);

  const scheduledFor = slot.at.toISOString();
  let oldScheduleName: string | undefined;
  const result = await updateCall(deps, callId, (call) => {
    assertScheduled(call);
    oldScheduleName = call.scheduleName;
    const at = deps.clock.now().toISOString();
    const { requestedFor: _r, statusReason: _s, statusCode: _c, ...rest } = call;
    return {
      next: {
        ...rest,
        ...(rest.recipientTimezone || rest.recipientZones ? {} : { recipientZones: zones }),
        scheduledFor,
        ...(slot.moved ? { requestedFor: requested.toISOString(), statusReason: slot.reason, statusCode: 'moved_to_window' as const } : {}),
        scheduleName: scheduleNameFor(callId, call.attempt, slot.at),
        updatedAt: at,
        attempts: call.attempts.map((a) => (a.attempt === call.attempt ? { ...a, scheduledFor } : a)),
        ...(by ? { changes: withChange(call, { at, action: 'rescheduled', by }) } : {}),
      },
      event: {
        at,
        type: 'rescheduled',
        dedupeKey: `rescheduled#${call.attempt}#v${call.version}`,
        detail: { attempt: call.attempt, scheduledFor, moved: slot.moved },
        ...(by ? { by } : {}),
      },
    };
  });
  if (!result) throw notFound('Call');
  const call = result.call;
  if (call.scheduleName) {
    await deps.scheduler.schedule(call.scheduleName, new Date(call.scheduledFor), { callId, attempt: call.attempt, clinicId: call.clinicId });
  }
  if (oldScheduleName && oldScheduleName !== call.scheduleName) await deps.scheduler.cancel(oldScheduleName);
  deps.logger.info('call rescheduled', { callId, clinicId, attempt: call.attempt, moved: slot.moved });
  return call;
}

function assertScheduled(call: CallRecord): void {
  if (call.status !== 'scheduled') {
    throw conflict(`Only a scheduled call can be rescheduled; this call is ${call.status.replace('_', ' ')}.`);
  }
}
