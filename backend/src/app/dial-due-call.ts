import { isWithinCallingWindow, type CallRecord, type Clinic } from '@vfc/shared';
import type { DialEvent } from '../ports/call-scheduler.js';
import type { DialSlots, WaitingDial } from '../ports/dial-slots.js';
import type { VoiceLine } from '../ports/voice-lines.js';
import { PlaceCallError } from '../ports/voice-provider.js';
import { AGENT_HOLD_RECHECK_MS, agentHoldReason, NO_VAPI_ASSISTANT } from './agents/agent-guard.js';
import { slotFor, storedRecipientZones } from './call-slot.js';
import { dialKey, pumpLine } from './concurrency/dial-line.js';
import { RATE_LIMIT_PAUSE_MS } from './concurrency/slot-policy.js';
import { cancelOptedOut, isEarlyFiring, releaseClaimedDial, reserveClaimedDial } from './calling-rules/dial-guards.js';
import type { Dependencies } from './dependencies.js';
import { readingClinicsOnce } from './clinic-read-once.js';
import { recordProviderCallId } from './record-provider-call.js';
import { dynamicVariablesFor } from './dynamic-variables.js';
import { endAttempt, rescheduleAttempt } from './next-attempt.js';
import { isHeldForReview } from './restore/hold-restored-calls.js';
import { scheduleNameFor } from './schedule-names.js';
import { updateCall } from './update-call.js';
import { dialingFor, dialsOwnAgent, lineOfAttempt, linesOf, NO_OWN_RETELL_AGENT, voiceAccountOf, type ClinicDialing } from './voice/voice-accounts.js';

/** What the dialer did with one delivery. */
export type DialResult =
  | 'dialed'
  /** Not this attempt's turn any more (duplicate delivery, cancelled, already dialled, unknown call). */
  | 'skipped'
  /** The calling window closed since scheduling: moved to the next slot. */
  | 'moved'
  /** Waiting for a provider slot (every slot busy, or the provider answered 429): keeps its place, not an attempt. */
  | 'deferred'
  /**
   * Not dialled, kept `scheduled`: the clinic's Retell agent is orphaned or has no voice (re-checked in 15 minutes), or
   * the call is held for staff review after a restore from a backup (until someone moves or cancels it).
   */
  | 'held'
  /** The number is on the clinic's do-not-call list: the call was cancelled, never dialled. */
  | 'cancelled'
  | 'failed';

/** Without slot control only: wait before trying again when the provider is at its limit: base + up to `jitter`, ms. */
export const DEFER_BASE_MS = 15_000;
export const DEFER_JITTER_MS = 15_000;

/**
 * The schedule target for attempt `event.attempt` of a call. With concurrency control (the account's slots, always in
 * AWS and on the local stack) the due call joins the waiting line of its clinic's provider account and that line is
 * served: it is dialled now if a slot is free, otherwise it keeps its place (due time) and is dialled as soon as a slot
 * of that account frees — never failed for lack of capacity. Without slots (unit tests) it is dialled at once.
 * @returns `dialed` when this delivery dialled the call, `deferred` when it waits for a slot, else why it was not dialled.
 */
export async function dialDueCall(dependencies: Dependencies, event: DialEvent): Promise<DialResult> {
  // One read of a clinic serves the invocation, also for the waiting calls of that clinic the line hands a slot now.
  const deps = readingClinicsOnce(dependencies);
  let call: CallRecord | undefined;
  if (!event.dueAt || !event.clinicId) {
    // An older schedule does not say when it was due nor whose call it is: the call is read first (and only here).
    call = await deps.calls.get(event.callId);
    if (!call || call.status !== 'scheduled' || call.attempt !== event.attempt) return 'skipped';
    if (isEarlyFiring(call, deps.clock.now())) return 'skipped'; // the old schedule of a rescheduled call
  }
  // Otherwise the schedule says when it was due and whose call it is: the call joins the line unread and is read when
  // a slot is granted. The clinic is read once per invocation (readingClinicsOnce): it names the account's line, and
  // this call's dial reads it again from that one read.
  const clinicId = call?.clinicId ?? event.clinicId!;
  const clinic = await deps.clinics.getClinic(clinicId);
  if (!clinic) {
    deps.logger.error('clinic of a due call is missing', { callId: event.callId, clinicId });
    return 'skipped';
  }
  const dial: WaitingDial = call
    ? { clinicId: call.clinicId, callId: call.callId, attempt: call.attempt, dueAt: call.scheduledFor }
    : { clinicId, callId: event.callId, attempt: event.attempt, dueAt: event.dueAt! };
  const own: OwnReads | undefined = call ? { key: dialKey(dial), call } : undefined;
  const line = await linesOf(deps).line(voiceAccountOf(clinic), (id) => deps.clinics.getClinic(id));
  return line.slots ? joinLine(deps, line, dial, own) : dialGranted(deps, line, dial, own);
}

/**
 * The call this invocation already read for its own dial (`key` = {@link dialKey}): used, instead of reading again, when
 * the line grants that dial a slot in this same invocation. Other calls the line serves meanwhile are read when granted.
 * Clinics need no such hand-over: `readingClinicsOnce` reads each at most once per invocation.
 */
export interface OwnReads {
  key: string;
  /** The call as read for this dial (only a dial from an older schedule, or one moved to another line, has read it). */
  call: CallRecord;
}

async function joinLine(deps: Dependencies, line: VoiceLine, dial: WaitingDial, own?: OwnReads): Promise<DialResult> {
  await line.slots!.enqueue(dial);
  return (await serveLine(deps, line, own)).get(dialKey(dial)) ?? 'deferred';
}

/**
 * Serves one account's waiting line (see {@link pumpLine}); the reconciler and the webhook call it after freeing slots.
 * @param own - what the caller already read for its own dial, used once if this pump grants that dial a slot.
 */
export async function serveLine(deps: Dependencies, line: VoiceLine, own?: OwnReads): Promise<Map<string, DialResult>> {
  if (!line.slots) return new Map();
  let unused = own;
  return pumpLine(deps, line.slots, async (dial) => {
    const reads = unused?.key === dialKey(dial) ? unused : undefined;
    if (reads) unused = undefined; // taken again later (put back after a 429): read afresh then
    const result = await dialGranted(deps, line, dial, reads);
    return { holds: result === 'dialed', result };
  });
}

/**
 * Frees the slot of a call attempt (its call ended) in the account it was placed through (`voiceAccount` of the
 * attempt, or of the webhook's metadata) and hands it to that account's earliest waiting call.
 */
export async function releaseSlot(deps: Dependencies, callId: string, attempt: number, voiceAccount: string | undefined): Promise<void> {
  const line = await lineOfAttempt(deps, voiceAccount);
  if (line.slots && (await line.slots.release(callId, attempt))) await serveLine(deps, line);
}

/**
 * Dials a call that holds a slot of `line` (or needs none): re-checks everything that may have changed while it waited
 * (status, opt-out, agent, calling window, the clinic's provider account), claims the attempt with a conditional
 * `scheduled → dialing` write (so a second delivery never dials twice), records the dial for the per-number cap and
 * places the call with the account's provider. Whenever the call is not placed, its slot is given back. A clinic that
 * moved to another account while its call waited has the call moved to that account's line (its place kept).
 */
async function dialGranted(deps: Dependencies, line: VoiceLine, dial: WaitingDial, own?: OwnReads): Promise<DialResult> {
  const outcome = await dialHoldingSlot(deps, line, dial, own);
  const result = typeof outcome === 'string' ? outcome : 'deferred';
  if (result !== 'dialed') await line.slots?.release(dial.callId, dial.attempt);
  if (typeof outcome === 'object') return (await joinLine(deps, outcome.moveTo, dial, outcome.reads));
  return result;
}

async function dialHoldingSlot(deps: Dependencies, line: VoiceLine, dial: WaitingDial, own?: OwnReads): Promise<DialResult | { moveTo: VoiceLine; reads: OwnReads }> {
  // A dial not read yet in this invocation (one that waited in the line, or joined it unread) is read now: its call may
  // have been cancelled, moved or dialled while it waited. Every write below is conditional on the version read.
  const call = own?.call ?? (await deps.calls.get(dial.callId));
  if (!call || call.status !== 'scheduled' || call.attempt !== dial.attempt) return 'skipped';
  const now = deps.clock.now();
  if (isEarlyFiring(call, now)) return 'skipped'; // rescheduled while it waited: its new schedule will bring it back
  if (isHeldForReview(call)) return 'held'; // restored from a backup after its time: staff move or cancel it
  const clinic = await deps.clinics.getClinic(call.clinicId); // the invocation's one read (readingClinicsOnce)
  if (!clinic) {
    deps.logger.error('clinic of a due call is missing', { callId: call.callId, clinicId: call.clinicId });
    return 'skipped';
  }
  // Independent reads, in parallel: the slot is held meanwhile, so every millisecond here is provider capacity.
  const [dialing, optedOut, hold] = await Promise.all([
    dialingFor(deps, clinic),
    deps.optOuts.isOptedOut(call.clinicId, call.phoneNumber),
    // The agent registry knows the platform workspace's agents only: an agent of the clinic's own account is not in it.
    dialsOwnAgent(clinic) ? Promise.resolve(undefined) : agentHoldReason(deps, clinic),
  ]);
  if (dialing && dialing.line.account !== line.account && dialing.line.slots) return { moveTo: dialing.line, reads: { key: dialKey(dial), call } };
  if (optedOut) {
    await cancelOptedOut(deps, call);
    return 'cancelled';
  }
  const holdReason = hold ?? (dialing ? undefined : clinic.voice?.provider === 'retell' ? NO_OWN_RETELL_AGENT : NO_VAPI_ASSISTANT);
  if (holdReason) {
    // Not dialled, not lost: the call stays `scheduled` and the dialer looks again in 15 minutes.
    const held = await rescheduleAttempt(deps, call, new Date(now.getTime() + AGENT_HOLD_RECHECK_MS), 'held', { reason: `Held, not dialled: ${holdReason}`, code: 'agent_unusable' });
    deps.logger.warn('due call held: clinic agent not usable', { callId: call.callId, clinicId: call.clinicId, agentId: dialing?.agentId ?? clinic.agentId });
    return held ? 'held' : 'skipped';
  }
  const zones = storedRecipientZones(deps, call); // found when it was scheduled: no number lookup here
  if (!isWithinCallingWindow(now, clinic, zones)) {
    const slot = slotFor(clinic, now, zones);
    const moved = await rescheduleAttempt(deps, call, slot.at, 'window_closed', {
      reason: `Moved: ${slot.reason ?? 'outside calling hours'}`,
      code: 'moved_to_window',
    });
    return moved ? 'moved' : 'skipped';
  }

  const claimed = await claimAttempt(deps, call, now, line.account);
  if (!claimed) return 'skipped';
  if (!(await reserveClaimedDial(deps, claimed, clinic))) return 'failed'; // per-number cap (FCC 20-186)
  return placeClaimedCall(deps, claimed, clinic, { ...dialing!, line });
}

async function claimAttempt(deps: Dependencies, due: CallRecord, now: Date, voiceAccount: string): Promise<CallRecord | undefined> {
  const at = now.toISOString();
  const result = await updateCall(deps, due.callId, (call) => {
    if (call.status !== 'scheduled' || call.attempt !== due.attempt) return undefined;
    const { scheduleName: _fired, ...rest } = call;
    return {
      next: {
        ...rest,
        status: 'dialing',
        updatedAt: at,
        attempts: call.attempts.map((a) => (a.attempt === call.attempt ? { ...a, dialedAt: at, voiceAccount } : a)),
      },
      // Keyed by the version claimed: a second claim of one version loses the optimistic lock anyway, and an attempt
      // put back in line (429, reconciler) can be claimed again with a history entry of its own.
      event: { at, type: 'dialing', dedupeKey: `dialing#${call.attempt}#v${call.version}`, detail: { attempt: call.attempt } },
    };
  }, due);
  return result?.changed ? result.call : undefined;
}

async function placeClaimedCall(deps: Dependencies, call: CallRecord, clinic: Clinic, dialing: ClinicDialing): Promise<DialResult> {
  const { line } = dialing;
  try {
    const { providerCallId } = await line.voice.placeCall({
      fromNumber: dialing.fromNumber,
      ...(dialing.phoneNumberId ? { phoneNumberId: dialing.phoneNumberId } : {}),
      toNumber: call.phoneNumber,
      agentId: dialing.agentId,
      metadata: { call_id: call.callId, attempt: call.attempt, clinic_id: call.clinicId, voice_account: line.account },
      dynamicVariables: dynamicVariablesFor(call, clinic),
    });
    await recordProviderCallId(deps, call, providerCallId, 'placed', call);
    deps.logger.info('call placed', { callId: call.callId, attempt: call.attempt, voiceAccount: line.account, providerCallId });
    return 'dialed';
  } catch (error) {
    if (!(error instanceof PlaceCallError)) throw error;
    deps.logger.warn('placing the call failed', { callId: call.callId, attempt: call.attempt, kind: error.kind, status: error.status });
    if (error.kind !== 'unavailable') await releaseClaimedDial(deps, call); // nothing reached the carrier
    if (error.kind === 'rate_limited') {
      if (line.slots) return waitForProvider(deps, call, line.slots);
      const at = new Date(deps.clock.now().getTime() + DEFER_BASE_MS + Math.floor(Math.random() * DEFER_JITTER_MS));
      await rescheduleAttempt(deps, call, at, 'deferred', undefined, 'dialing');
      return 'deferred';
    }
    // Refused (4xx): redialling the same request cannot help → failed. A 5xx or no answer is Retell's own fault
    // (`error_retell`): the attempt counts and is retried by the policy (5/10/20 min, cap, retry limit).
    const reason = error.kind === 'rejected' ? 'provider_rejected' : 'error_retell';
    const ended = await endAttempt(deps, call.callId, call.attempt, { disconnectionReason: reason, endedAt: deps.clock.now().toISOString() }, call);
    return ended?.status === 'failed' ? 'failed' : 'deferred';
  }
}

/**
 * Retell answered 429 (at its concurrency or rate limit) although we held a slot (another user of the workspace, or
 * a limit lower than configured): a wait, never an attempt. The whole line pauses for {@link RATE_LIMIT_PAUSE_MS}, the
 * call goes back to `scheduled` at its old place in the line (same due time, same attempt), its slot is freed, and a
 * wake-up schedule serves the line when the pause ends.
 */
async function waitForProvider(deps: Dependencies, call: CallRecord, slots: DialSlots): Promise<DialResult> {
  const now = deps.clock.now();
  const wakeAt = new Date(now.getTime() + RATE_LIMIT_PAUSE_MS);
  await slots.pause(wakeAt.getTime());
  const at = now.toISOString();
  const requeued = await updateCall(deps, call.callId, (current) => {
    if (current.status !== 'dialing' || current.attempt !== call.attempt) return undefined;
    return {
      next: {
        ...current,
        status: 'scheduled',
        statusReason: 'Waiting: the provider is at its concurrency limit',
        statusCode: 'waiting_for_slot',
        updatedAt: at,
        attempts: current.attempts.map((a) => (a.attempt === call.attempt ? { attempt: a.attempt, scheduledFor: a.scheduledFor } : a)),
      },
      event: { at, type: 'deferred', dedupeKey: `deferred#${call.attempt}#${at}`, detail: { attempt: call.attempt, reason: 'rate_limited' } },
    };
  }, call);
  if (requeued?.changed) {
    await slots.enqueue({ clinicId: call.clinicId, callId: call.callId, attempt: call.attempt, dueAt: call.scheduledFor });
    // The wake-up keeps the call's due time as its place in the line (the same entry, not a second one).
    await deps.scheduler.schedule(scheduleNameFor(call.callId, call.attempt, wakeAt), wakeAt, {
      callId: call.callId,
      attempt: call.attempt,
      dueAt: call.scheduledFor,
      clinicId: call.clinicId,
    });
  }
  await slots.release(call.callId, call.attempt);
  return 'deferred';
}
