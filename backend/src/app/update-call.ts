import { isLegalStatusWrite, METRIC, type CallRecord } from '@vfc/shared';
import { DuplicateEventError, StaleCallError, type CallEvent } from '../ports/call-store.js';
import { withTriage } from './call-triage.js';
import type { Dependencies } from './dependencies.js';

/** What a change function wants: a new state of the call and/or an event for its history. */
export interface CallChange {
  next?: CallRecord;
  event?: CallEvent;
}

const MAX_TRIES = 8;

/**
 * Read-modify-write of one call with optimistic locking: reads the call, asks `change` what to do, writes it
 * conditionally on the version AND status read, and starts over from a fresh read when another writer got there first.
 * `known` is the call as this invocation last read or wrote it: it stands in for the first read (no GetItem), so a use
 * case reads each call once per invocation. A stale `known` is safe: the write is conditional on its version and
 * status, so it can only lose the condition, which is followed by a fresh read as for any lost race.
 * A change whose event was already recorded is a no-op (the same webhook or schedule delivered twice).
 * Every status write of a call goes through here and the call state machine (`isLegalStatusWrite` in shared): a
 * change that asks for a move outside the transition table is refused — nothing is written, it is logged with the call
 * id and counted (`METRIC.illegalCallTransition`) — and the call is returned unchanged.
 * @param known - the call as already read (or written) in this invocation, used instead of the first read.
 * @returns the call as stored afterwards, `undefined` when the call does not exist.
 * @throws StaleCallError after {@link MAX_TRIES} lost races (a hot loop; should not happen).
 */
export async function updateCall(
  deps: Pick<Dependencies, 'calls' | 'logger' | 'metrics'>,
  callId: string,
  change: (call: CallRecord) => CallChange | undefined | Promise<CallChange | undefined>,
  known?: CallRecord,
): Promise<{ call: CallRecord; changed: boolean } | undefined> {
  for (let i = 0; i < MAX_TRIES; i++) {
    // After a lost condition the read is fresh on purpose: the other writer's version is what the next try builds on.
    const current = i === 0 && known ? known : await deps.calls.get(callId);
    if (!current) return undefined;
    const decision = await change(current);
    if (!decision || (!decision.next && !decision.event)) return { call: current, changed: false };
    if (decision.next && !isLegalStatusWrite(current.status, decision.next.status)) {
      deps.logger.warn('illegal call status move refused', {
        callId,
        from: current.status,
        to: decision.next.status,
        ...(decision.event ? { event: decision.event.type } : {}),
      });
      deps.metrics.count(METRIC.illegalCallTransition);
      return { call: current, changed: false };
    }
    try {
      if (decision.next) {
        // Triage follows every change of status or outcome: recomputed here, where every call change is written.
        const stored = await deps.calls.update(withTriage(current, decision.next), { version: current.version, status: current.status }, decision.event);
        return { call: stored, changed: true };
      }
      await deps.calls.appendEvent(callId, decision.event!);
      return { call: current, changed: false };
    } catch (error) {
      if (error instanceof DuplicateEventError) return { call: current, changed: false };
      if (error instanceof StaleCallError) continue;
      throw error;
    }
  }
  throw new StaleCallError(callId);
}
