import { CALL_RETENTION_DAYS, type Actor, type CallRecord, type CreateCallRequest } from '@vfc/shared';
import { assertClinicAgentUsable } from './agents/agent-guard.js';
import { recipientZonesFor, slotFor, zonesToStore } from './call-slot.js';
import { assertPlannedCapAllows, plannedCapCounts } from './calling-rules/number-cap.js';
import { optedOutError } from './calling-rules/opt-outs.js';
import type { Dependencies, RecipientZoneDependencies } from './dependencies.js';
import { AppError, invalidField, notFound } from './errors.js';
import { requestFingerprint } from './request-fingerprint.js';
import { scheduleNameFor } from './schedule-names.js';

/** How far in the past `scheduledFor` may be and still mean "now" (clock skew between the browser and AWS), ms. */
export const PAST_TOLERANCE_MS = 2 * 60_000;

export interface ScheduleCallInput {
  clinicId: string;
  /** The validated request; `phoneNumber` is already E.164. */
  request: CreateCallRequest;
  /**
   * Client-chosen key: the same key with the same (normalised) request for the same clinic always answers with the
   * same call; with a different request it is refused.
   */
  idempotencyKey?: string;
  /** Who schedules it (the call's `createdBy`, its first `changes` entry, the `created` event's `by`). */
  createdBy?: Actor;
}

/**
 * Schedules a follow-up call: checks the time, moves it into the calling window, stores the call (atomically with
 * the idempotency key) and creates the one-time schedule that will fire the dialer.
 * A replay (same key, same request) is answered first, before any rule is checked again, so it cannot be refused by
 * a cap its own first call now fills.
 * @returns the call and whether this request created it (false: an earlier request with the same key did).
 * Refuses a number on the clinic's do-not-call list (409 `opted_out`) and a call past the per-number cap
 * (409 `number_cap_reached` with `freesAt`).
 * @throws AppError 400 (`scheduledFor` in the past), 404 (clinic), 409 (opted out, cap), 422 (no slot;
 * `idempotency_key_reused`: the key came with a different request, nothing changed).
 */
export async function scheduleCall(
  deps: Pick<Dependencies, 'calls' | 'callRequestReads' | 'agentRegistry' | 'numberUsage' | 'scheduler' | 'clock' | 'logger' | 'newId'> &
    RecipientZoneDependencies,
  input: ScheduleCallInput,
): Promise<{ call: CallRecord; created: boolean }> {
  const { request, clinicId } = input;
  const idempotency = input.idempotencyKey ? { key: input.idempotencyKey, requestHash: requestFingerprint(request) } : undefined;
  const now = deps.clock.now();
  const asked = new Date(request.scheduledFor);
  const requested = asked < now ? now : asked;
  // Independent reads start together, each once; they are awaited in the order of the checks below, so the answer
  // (a replay first, then which refusal wins) is the same as reading one after another. The cap's dials and planned calls are read from
  // `requested` − 30 days: the slot is never before `requested`, so that covers every window containing the slot.
  // The clinic, the opt-out and the key's earlier call are single items: one round trip for the three.
  const facts = deps.callRequestReads.read(clinicId, request.phoneNumber, idempotency?.key);
  const clinicRead = facts.then(({ clinic }) => clinic ?? Promise.reject(notFound('Clinic')));
  const agentRead = clinicRead.then((clinic) => assertClinicAgentUsable(deps, clinic));
  const zonesRead = recipientZonesFor(deps, request.phoneNumber, request.recipientTimezone);
  const optOutRead = facts.then(({ optedOut }) => (optedOut ? Promise.reject(optedOutError()) : undefined));
  const capRead = plannedCapCounts(deps, clinicId, request.phoneNumber, requested);
  // The key's earlier call is read beside them (not before them: one round trip less) and decided first.
  const earlierRead = facts.then(({ earlier }) => earlier);
  for (const read of [clinicRead, agentRead, zonesRead, optOutRead, capRead]) read.catch(() => undefined); // awaited below

  const earlier = await earlierRead;
  if (earlier) return replay(deps, earlier, idempotency!.requestHash);
  const clinic = await clinicRead;
  await agentRead;
  if (asked.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw invalidField('scheduledFor', 'must not be in the past');
  }
  const zones = await zonesRead;
  const slot = slotFor(clinic, requested, zones);
  await optOutRead;
  assertPlannedCapAllows(clinic, await capRead, slot.at);

  const callId = deps.newId();
  const scheduledFor = slot.at.toISOString();
  const scheduleName = scheduleNameFor(callId, 1, slot.at);
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
    ...zonesToStore(request.recipientTimezone, zones),
    attempt: 1,
    attempts: [{ attempt: 1, scheduledFor }],
    scheduleName,
    createdAt,
    ...(input.createdBy ? { createdBy: input.createdBy, changes: [{ at: createdAt, action: 'created' as const, by: input.createdBy }] } : {}),
    updatedAt: createdAt,
    version: 0,
    expiresAt: Math.floor(now.getTime() / 1000) + CALL_RETENTION_DAYS * 86_400,
  };

  const result = await deps.calls.create(
    call,
    {
      at: createdAt,
      type: 'created',
      dedupeKey: 'created',
      detail: { status: 'scheduled', scheduledFor, moved: slot.moved },
      ...(input.createdBy ? { by: input.createdBy } : {}),
    },
    idempotency,
  );
  if (!result.created) return replay(deps, result, idempotency!.requestHash);
  const stored = result.call;
  await deps.scheduler.schedule(scheduleName, slot.at, { callId: stored.callId, attempt: stored.attempt, clinicId: stored.clinicId });
  deps.logger.info('call scheduled', { callId: stored.callId, clinicId, created: true, moved: slot.moved });
  return { call: stored, created: true };
}

/**
 * Answers a request whose key was seen before: the earlier call when the request is the same (re-creating its
 * deterministically named schedule if the first request died before it), 422 `idempotency_key_reused` otherwise.
 */
async function replay(
  deps: Pick<Dependencies, 'scheduler' | 'logger'>,
  earlier: { call: CallRecord; requestHash?: string },
  requestHash: string,
): Promise<{ call: CallRecord; created: false }> {
  const { call } = earlier;
  // A key stored without a fingerprint predates fingerprints (kept at most IDEMPOTENCY_TTL_HOURS): refused, unchanged.
  if (earlier.requestHash !== requestHash) {
    deps.logger.warn('idempotency key reused with another request', { callId: call.callId, clinicId: call.clinicId });
    throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request; nothing was changed.');
  }
  if (call.status === 'scheduled' && call.scheduleName) {
    await deps.scheduler.schedule(call.scheduleName, new Date(call.scheduledFor), { callId: call.callId, attempt: call.attempt, clinicId: call.clinicId });
  }
  deps.logger.info('call scheduled', { callId: call.callId, clinicId: call.clinicId, created: false });
  return { call, created: false };
}
