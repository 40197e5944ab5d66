import { isWithinCallingWindow, type CallRecord, type Clinic } from '@vfc/shared';
import type { DialEvent } from '../ports/call-scheduler.js';
import { PlaceCallError } from '../ports/voice-provider.js';
import { AGENT_HOLD_RECHECK_MS, agentHoldReason } from './agents/agent-guard.js';
import { recipientZonesFor, slotFor } from './call-slot.js';
import { cancelIfOptedOut, isEarlyFiring, releaseClaimedDial, reserveClaimedDial } from './calling-rules/dial-guards.js';
import type { Dependencies } from './dependencies.js';
import { dynamicVariablesFor } from './dynamic-variables.js';
import { endAttempt, rescheduleAttempt } from './next-attempt.js';
import { updateCall } from './update-call.js';

/** What the dialer did with one delivery. */
export type DialResult =
  | 'dialed'
  /** Not this attempt's turn any more (duplicate delivery, cancelled, already dialled, unknown call). */
  | 'skipped'
  /** The calling window closed since scheduling: moved to the next slot. */
  | 'moved'
  /** The provider was at capacity: tried again shortly, not counted as an attempt. */
  | 'deferred'
  /** The clinic's Retell agent is orphaned or has no voice: kept `scheduled`, re-checked in 15 minutes, not dialled. */
  | 'held'
  /** The number is on the clinic's do-not-call list: the call was cancelled, never dialled. */
  | 'cancelled'
  | 'failed';

/** Wait before trying again when the provider is at its concurrency limit: base + up to `jitter`, ms. */
export const DEFER_BASE_MS = 15_000;
export const DEFER_JITTER_MS = 15_000;

/**
 * The schedule target: dials attempt `event.attempt` of a call exactly once.
 * Re-checks the calling window at dial time, claims the attempt with a conditional `scheduled → dialing` write
 * (so a second delivery of the same event never dials twice), places the call with Retell and stores its `call_id`.
 */
export async function dialDueCall(deps: Dependencies, event: DialEvent): Promise<DialResult> {
  const call = await deps.calls.get(event.callId);
  if (!call || call.status !== 'scheduled' || call.attempt !== event.attempt) return 'skipped';
  const clinic = await deps.clinics.getClinic(call.clinicId);
  if (!clinic) {
    deps.logger.error('clinic of a due call is missing', { callId: call.callId, clinicId: call.clinicId });
    return 'skipped';
  }

  const now = deps.clock.now();
  if (isEarlyFiring(call, now)) return 'skipped'; // the old schedule of a rescheduled call
  if (await cancelIfOptedOut(deps, call)) return 'cancelled';
  const hold = await agentHoldReason(deps, clinic);
  if (hold) {
    // Not dialled, not lost: the call stays `scheduled` and the dialer looks again in 15 minutes.
    const held = await rescheduleAttempt(deps, call, new Date(now.getTime() + AGENT_HOLD_RECHECK_MS), 'held', `Held, not dialled: ${hold}`);
    deps.logger.warn('due call held: clinic agent not usable', { callId: call.callId, clinicId: call.clinicId, agentId: clinic.agentId });
    return held ? 'held' : 'skipped';
  }
  const zones = await recipientZonesFor(deps, call.phoneNumber, call.recipientTimezone);
  if (!isWithinCallingWindow(now, clinic, zones)) {
    const slot = slotFor(clinic, now, zones);
    const moved = await rescheduleAttempt(deps, call, slot.at, 'window_closed', `Moved: ${slot.reason ?? 'outside calling hours'}`);
    return moved ? 'moved' : 'skipped';
  }

  const claimed = await claimAttempt(deps, call, now);
  if (!claimed) return 'skipped';
  if (!(await reserveClaimedDial(deps, claimed, clinic))) return 'failed'; // per-number cap (FCC 20-186)
  return placeClaimedCall(deps, claimed, clinic);
}

async function claimAttempt(deps: Dependencies, due: CallRecord, now: Date): Promise<CallRecord | undefined> {
  const at = now.toISOString();
  const result = await updateCall(deps, due.callId, (call) => {
    if (call.status !== 'scheduled' || call.attempt !== due.attempt) return undefined;
    const { scheduleName: _fired, ...rest } = call;
    return {
      next: {
        ...rest,
        status: 'dialing',
        updatedAt: at,
        attempts: call.attempts.map((a) => (a.attempt === call.attempt ? { ...a, dialedAt: at } : a)),
      },
      event: { at, type: 'dialing', dedupeKey: `dialing#${call.attempt}`, detail: { attempt: call.attempt } },
    };
  });
  return result?.changed ? result.call : undefined;
}

async function placeClaimedCall(deps: Dependencies, call: CallRecord, clinic: Clinic): Promise<DialResult> {
  try {
    const { providerCallId } = await deps.voice.placeCall({
      fromNumber: clinic.fromNumber,
      toNumber: call.phoneNumber,
      agentId: clinic.agentId,
      metadata: { call_id: call.callId, attempt: call.attempt, clinic_id: call.clinicId },
      dynamicVariables: dynamicVariablesFor(call, clinic),
    });
    await updateCall(deps, call.callId, (current) => {
      if (current.attempt !== call.attempt) return undefined;
      const at = deps.clock.now().toISOString();
      return {
        next: {
          ...current,
          retellCallId: providerCallId,
          updatedAt: at,
          attempts: current.attempts.map((a) => (a.attempt === call.attempt ? { ...a, retellCallId: providerCallId } : a)),
        },
        event: { at, type: 'dialed', dedupeKey: `dialed#${call.attempt}`, detail: { attempt: call.attempt, retellCallId: providerCallId } },
      };
    });
    deps.logger.info('call placed', { callId: call.callId, attempt: call.attempt, retellCallId: providerCallId });
    return 'dialed';
  } catch (error) {
    if (!(error instanceof PlaceCallError)) throw error;
    deps.logger.warn('placing the call failed', { callId: call.callId, attempt: call.attempt, kind: error.kind, status: error.status });
    if (error.kind !== 'unavailable') await releaseClaimedDial(deps, call); // nothing reached the carrier
    if (error.kind === 'rate_limited') {
      const at = new Date(deps.clock.now().getTime() + DEFER_BASE_MS + Math.floor(Math.random() * DEFER_JITTER_MS));
      await rescheduleAttempt(deps, call, at, 'deferred', undefined, 'dialing');
      return 'deferred';
    }
    const reason = error.kind === 'rejected' ? 'provider_rejected' : 'provider_unavailable';
    const ended = await endAttempt(deps, call.callId, call.attempt, { disconnectionReason: reason, endedAt: deps.clock.now().toISOString() });
    return ended?.status === 'failed' ? 'failed' : 'deferred';
  }
}
