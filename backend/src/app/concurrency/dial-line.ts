import type { DialSlots, WaitingDial } from '../../ports/dial-slots.js';
import type { Dependencies } from '../dependencies.js';
import { SLOT_LEASE_MS } from './slot-policy.js';

/**
 * The waiting line in front of the provider's concurrency limit, and the pump that serves it.
 *
 * Work-conserving by construction: every change that can make "a slot is free AND someone waits" true is followed by a
 * pump in the same process — a due call joins the line then pumps; a slot released (call_ended, a failed dial, the
 * reconciler) is followed by a pump. The pump reads the slot counter and the line with strongly consistent reads AFTER
 * its own write, so of two racing actors (one joining, one releasing) at least the later one sees both changes.
 * Within a process, concurrent pump requests coalesce into one loop (fewer conflicting transactions on the counter).
 */

/** Dials a waiting call whose slot was just taken; `holds` says whether the call kept the slot (it was dialled). */
export type GrantedDial<R> = (dial: WaitingDial) => Promise<{ holds: boolean; result: R }>;

/** The line's key of a dial, for logs and results. */
export const dialKey = (dial: Pick<WaitingDial, 'callId' | 'attempt'>) => `${dial.callId}#${dial.attempt}`;

interface PumpState {
  again: boolean;
  wake: (() => void) | undefined;
}

const running = new WeakMap<DialSlots, PumpState>();

/**
 * Hands free slots to the earliest waiting calls and dials them (concurrently), until no slot is free or nobody waits.
 * When a pump already runs in this process for these slots, asks it to look again and returns at once.
 * @returns what happened to each call this pump took from the line, by {@link dialKey}.
 */
export async function pumpLine<R>(deps: Pick<Dependencies, 'clock' | 'logger'>, slots: DialSlots, dial: GrantedDial<R>): Promise<Map<string, R>> {
  const active = running.get(slots);
  if (active) {
    active.again = true;
    active.wake?.();
    return new Map();
  }
  const state: PumpState = { again: true, wake: undefined };
  running.set(slots, state);
  const served = new Map<string, R>();
  const inflight = new Set<Promise<void>>();
  try {
    for (;;) {
      if (state.again) {
        state.again = false;
        for (;;) {
          // Each take reads the counter and the line again on purpose: other processes free slots and join meanwhile.
          const batch = await slots.take(deps.clock.now().getTime(), SLOT_LEASE_MS, slots.limit);
          if (batch.length === 0) break;
          for (const next of batch) startDial(next);
        }
        continue;
      }
      if (inflight.size === 0) break;
      await new Promise<void>((resolve) => {
        state.wake = resolve;
        if (state.again) resolve();
      });
      state.wake = undefined;
    }
  } finally {
    running.delete(slots);
  }
  return served;

  function startDial(next: WaitingDial): void {
    const run: Promise<void> = dial(next)
      .then(
        ({ holds, result }) => {
          served.set(dialKey(next), result);
          if (!holds) state.again = true; // its slot was given back: serve the next one
        },
        (error: unknown) => {
          state.again = true;
          deps.logger.error('dialling a waiting call failed', { callId: next.callId, attempt: next.attempt, error: String(error) });
        },
      )
      .finally(() => {
        inflight.delete(run);
        state.wake?.();
      });
    inflight.add(run);
  }
}
