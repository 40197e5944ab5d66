import { isTerminal, type CallRecord } from '@vfc/shared';
import type { ProviderCallEvent } from '../ports/provider-events.js';
import type { Dependencies } from './dependencies.js';
import { addOptOut } from './calling-rules/opt-outs.js';
import { RATE_LIMIT_PAUSE_MS } from './concurrency/slot-policy.js';
import { releaseSlot } from './dial-due-call.js';
import { endAttempt } from './next-attempt.js';
import { updateCall } from './update-call.js';
import { lineOfAttempt, RETELL_PLATFORM, VAPI_PLATFORM } from './voice/voice-accounts.js';
import { readingClinicsOnce } from './clinic-read-once.js';

/** What applying a webhook did. */
export type ApplyResult = 'applied' | 'recorded' | 'unknown_call';

/**
 * Applies a verified Retell webhook to our call, idempotently and in any order:
 * every event is recorded once in the call's history (its `call_id#event` key makes a redelivery collide);
 * `call_started` moves `dialing → in_progress`; any event that carries the ending (`call_ended`, and
 * `call_analyzed` which repeats it) ends the attempt through the retry policy; the analysis is kept as the outcome.
 * Events of an earlier attempt are recorded but change nothing.
 * The call is read once per invocation and handed down (each later write is conditional on the version it builds on,
 * so a change made meanwhile by another process only makes that write fail and be redone on a fresh read).
 */
export async function applyProviderEvent(dependencies: Dependencies, event: ProviderCallEvent): Promise<ApplyResult> {
  // One read of a clinic serves the whole invocation: the ending (voicemail policy, retry slot), the slot's line of a
  // clinic-owned account, and the waiting calls of that clinic dialled when the slot is handed on.
  const deps = readingClinicsOnce(dependencies);
  const endsAttempt = event.kind === 'call_ended' || (event.kind === 'call_analyzed' && event.disconnectionReason);
  // The provider's line is free again: hand the slot to the earliest waiting call at once (our ids are in the
  // metadata), while this call's ending is applied.
  // Both run at once and both are awaited before anything is reported: a rejection of either while the other is still
  // running is never left unhandled, and the first failure (the call's, then the slot's) is the one thrown.
  const slotFreed =
    endsAttempt && event.callId && event.attempt !== undefined
      ? freeSlot(deps, event.callId, event.attempt, accountOfEvent(event), event.disconnectionReason)
      : undefined;
  const [applied, freed] = await Promise.allSettled([
    applyToCall(deps, event, Boolean(endsAttempt), slotFreed !== undefined),
    slotFreed ?? Promise.resolve(),
  ]);
  if (applied.status === 'rejected') throw applied.reason;
  if (freed.status === 'rejected') throw freed.reason;
  return applied.value;
}

async function applyToCall(deps: Dependencies, event: ProviderCallEvent, endsAttempt: boolean, slotFreed: boolean): Promise<ApplyResult> {
  const call = await findCall(deps, event);
  if (!call) {
    deps.logger.warn('webhook for an unknown call', { retellCallId: event.providerCallId, event: event.name });
    return 'unknown_call';
  }
  const attempt = event.attempt ?? call.attempts.find((a) => a.retellCallId === event.providerCallId)?.attempt;
  const at = deps.clock.now().toISOString();

  const recorded = await updateCall(deps, call.callId, (current) => {
    const historyEvent = {
      at,
      type: `${event.provider ?? 'retell'}.${event.name}`,
      dedupeKey: `${event.providerCallId}#${event.name}`,
      detail: { attempt, retellCallId: event.providerCallId, disconnectionReason: event.disconnectionReason },
    };
    // Another attempt's event, or one for an attempt we never dialled: history only.
    if (attempt !== current.attempt || current.status === 'scheduled') return { event: historyEvent };
    let next: CallRecord = current;
    if (!current.retellCallId) {
      next = {
        ...next,
        retellCallId: event.providerCallId,
        attempts: next.attempts.map((a) => (a.attempt === attempt ? { ...a, retellCallId: event.providerCallId } : a)),
      };
    }
    if (event.kind === 'call_started' && current.status === 'dialing') next = { ...next, status: 'in_progress' };
    if (event.analysis) next = { ...next, outcome: { ...next.outcome, ...definedOnly(event.analysis) } };
    // The transcript and recording come with the call object (call_ended and call_analyzed both carry them).
    const media = definedOnly({ transcript: event.transcript, recordingUrl: event.recordingUrl });
    if (Object.keys(media).length) next = { ...next, outcome: { ...next.outcome, ...media } };
    return next === current ? { event: historyEvent } : { next: { ...next, updatedAt: at }, event: historyEvent };
  }, call); // the call just found: one read of it per invocation (every write below is conditional on its version)

  const current = recorded?.call ?? call;
  if (endsAttempt && attempt === current.attempt && !isTerminal(current.status)) {
    await endAttempt(deps, call.callId, attempt, {
      disconnectionReason: event.disconnectionReason,
      endedAt: event.endedAt ?? at,
      durationMs: event.durationMs,
      inVoicemail: event.analysis?.inVoicemail,
    }, current);
  }
  // An ending without our metadata (found by Retell call_id): its slot is freed now that we know the attempt.
  if (endsAttempt && !slotFreed && attempt !== undefined) {
    await freeSlot(deps, call.callId, attempt, call.attempts.find((a) => a.attempt === attempt)?.voiceAccount, event.disconnectionReason);
  }
  if (event.analysis?.optOutRequested === true) {
    // The agent's post-call analysis says the person asked not to be called again (custom_analysis_data.opt_out):
    // FCC 24-18 revocation — put the number on the clinic's list and cancel its scheduled calls (a retry of this one too).
    await addOptOut(deps, call.clinicId, { phoneNumber: call.phoneNumber, source: 'call', callId: call.callId });
  }
  return recorded?.changed ? 'applied' : 'recorded';
}

/**
 * Releases the ended attempt's slot and serves the line. A call that Retell ended with `concurrency_limit_reached`
 * (the workspace was full after all) pauses the line first, as a 429 does: a wait, not a storm of refused calls.
 */
async function freeSlot(deps: Dependencies, callId: string, attempt: number, voiceAccount: string | undefined, disconnectionReason: string | undefined): Promise<void> {
  // A clinic-owned account's line, when not cached in this process, reads its clinic through `deps` (shared with the ending).
  if (disconnectionReason && PROVIDER_FULL_REASONS.has(disconnectionReason)) {
    await (await lineOfAttempt(deps, voiceAccount)).slots?.pause(deps.clock.now().getTime() + RATE_LIMIT_PAUSE_MS);
  }
  await releaseSlot(deps, callId, attempt, voiceAccount);
}

/**
 * The account whose slot an ending frees: our `voice_account` metadata; calls placed before it was sent were all
 * placed through the platform's account of the provider that sent the event.
 */
function accountOfEvent(event: ProviderCallEvent): string {
  return event.voiceAccount ?? (event.provider === 'vapi' ? VAPI_PLATFORM : RETELL_PLATFORM);
}

/** `disconnection_reason`s saying our Retell workspace was at its concurrency limit (docs/retell.md). */
const PROVIDER_FULL_REASONS = new Set(['concurrency_limit_reached', 'no_concurrency_fallback']);

async function findCall(deps: Dependencies, event: ProviderCallEvent): Promise<CallRecord | undefined> {
  if (event.callId) return deps.calls.get(event.callId);
  return deps.calls.findByRetellCallId(event.providerCallId);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
