import { CALL_RETENTION_DAYS, type CallRecord, type CreateCallRequest } from '@vfc/shared';
import { assertClinicAgentUsable } from './agents/agent-guard.js';
import { recipientZonesFor, slotFor } from './call-slot.js';
import { assertCapAllows, dialsForCap } from './calling-rules/number-cap.js';
import { assertNotOptedOut } from './calling-rules/opt-outs.js';
import type { Dependencies } from './dependencies.js';
import { conflict, invalidField } from './errors.js';
import { scheduleNameFor } from './schedule-names.js';
import { requireClinic } from './read-clinic.js';

/** How far in the past `scheduledFor` may be and still mean "now" (clock skew between the browser and AWS), ms. */
export const PAST_TOLERANCE_MS = 2 * 60_000;

export interface ScheduleCallInput {
  clinicId: string;
  /** The validated request; `phoneNumber` is already E.164. */
  request: CreateCallRequest;
  /** Client-chosen key: the same key for the same clinic always answers with the same call. */
  idempotencyKey?: string;
}

/**
 * Schedules a follow-up call: checks the time, moves it into the calling window, stores the call (atomically with
 * the idempotency key) and creates the one-time schedule that will fire the dialer.
 * @returns the call and whether this request created it (false: an earlier request with the same key did).
 * Refuses a number on the clinic's do-not-call list (409 `opted_out`) and a call past the per-number cap at the slot
 * (409 `number_cap_reached` with `freesAt`).
 * @throws AppError 400 (`scheduledFor` in the past), 404 (clinic), 409 (key reused for another call, opted out, cap),
 * 422 (no slot).
 */
export async function scheduleCall(
  deps: Dependencies,
  input: ScheduleCallInput,
): Promise<{ call: CallRecord; created: boolean }> {
  const { request, clinicId } = input;
  const now = deps.clock.now();
  const asked = new Date(request.scheduledFor);
  const requested = asked < now ? now : asked;
  // Independent reads start together, each once; they are awaited in the order of the checks below, so the answer
  // (which refusal wins) is the same as reading one after another. The dials are read from `requested` − 30 days:
  // the slot is never before `requested`, so that covers the cap's window at the slot.
  const clinicRead = requireClinic(deps, clinicId);
  const agentRead = clinicRead.then((clinic) => assertClinicAgentUsable(deps, clinic));
  const zonesRead = recipientZonesFor(deps, request.phoneNumber, request.recipientTimezone);
  const optOutRead = assertNotOptedOut(deps, clinicId, request.phoneNumber);
  const dialsRead = dialsForCap(deps, clinicId, request.phoneNumber, requested);
  for (const read of [agentRead, zonesRead, optOutRead, dialsRead]) read.catch(() => undefined); // awaited below

  const clinic = await clinicRead;
  await agentRead;
  if (asked.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw invalidField('scheduledFor', 'must not be in the past');
  }
  const slot = slotFor(clinic, requested, await zonesRead);
  await optOutRead;
  assertCapAllows(clinic, await dialsRead, slot.at);

  const callId = deps.newId();
  const scheduledFor = slot.at.toISOString();
  const createdAt = now.toISOString();
  const call: CallRecord = {
    callId,
    clinicId,
    consultationId: request.consultationId,
    status: 'scheduled',
    scheduledFor,
    ...(slot.moved ? { requestedFor: requested.toISOString(), statusReason: slot.reason, statusCode: 'moved_to_window' as const } : {}),
    attention: 'none',
    attentionReasons: [],
    phoneNumber: request.phoneNumber,
    petName: request.petName,
    ownerName: request.ownerName,
    vetName: request.vetName,
    dischargeSummary: request.dischargeSummary,
    notes: request.notes,
    recipientTimezone: request.recipientTimezone,
    attempt: 1,
    attempts: [{ attempt: 1, scheduledFor }],
    scheduleName: scheduleNameFor(callId, 1, slot.at),
    createdAt,
    updatedAt: createdAt,
    version: 0,
    expiresAt: Math.floor(now.getTime() / 1000) + CALL_RETENTION_DAYS * 86_400,
  };

  const result = await deps.calls.create(
    call,
    { at: createdAt, type: 'created', dedupeKey: 'created', detail: { status: 'scheduled', scheduledFor, moved: slot.moved } },
    input.idempotencyKey,
  );
  if (!result.created) {
    const earlier = result.call;
    if (earlier.consultationId !== call.consultationId || earlier.phoneNumber !== call.phoneNumber) {
      throw conflict('This Idempotency-Key was already used for a different call.');
    }
  }
  const stored = result.call;
  // On a replay this re-creates the same (deterministically named) schedule if the first request died before it.
  if (stored.status === 'scheduled' && stored.scheduleName) {
    await deps.scheduler.schedule(stored.scheduleName, new Date(stored.scheduledFor), {
      callId: stored.callId,
      attempt: stored.attempt,
    });
  }
  deps.logger.info('call scheduled', { callId: stored.callId, clinicId, created: result.created, moved: slot.moved });
  return { call: stored, created: result.created };
}
