import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';
import { scheduleTestCall } from '../local/test-support/test-calls.js';
import type { Dependencies } from './dependencies.js';
import type { ProviderCallEvent } from '../ports/provider-events.js';
import { applyProviderEvent } from './apply-provider-event.js';

/**
 * Freeing the slot and applying the ending run at once. When one of them fails while the other is still running, the
 * failure is reported by `applyProviderEvent` itself (so the invocation fails and is retried), never left as an
 * unhandled rejection that would crash the process (vitest fails the run on one).
 */
let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-12-02T17:00:00.000Z');
  await world.putClinic();
});
afterAll(() => world?.stop());

/** The real adapter with some methods replaced (its other methods keep their own `this`). */
function overriding<T extends object>(real: T, overrides: Partial<T>): T {
  return Object.assign(Object.create(real) as T, overrides);
}

function endingOf(callId: string): ProviderCallEvent {
  return { kind: 'call_ended', name: 'call_ended', providerCallId: 'call_ending', callId, attempt: 1, disconnectionReason: 'user_hangup' };
}

describe('applyProviderEvent when a part fails', () => {
  it('rejects with the slot store error raised while the call was still being read, and the ending is still recorded once', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550141', '2026-12-02T18:00:00.000Z');
    let releaseRan = false;
    const deps: Dependencies = {
      ...oneLine(world.deps),
      slots: overriding(world.deps.slots!, {
        release: async () => {
          releaseRan = true;
          throw new Error('slot store unavailable');
        },
      }),
      calls: overriding(world.deps.calls, {
        // The read resolves only after the release has already failed.
        get: async (id) => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          return world.deps.calls.get(id);
        },
      }),
    };
    await expect(applyProviderEvent(deps, endingOf(call.callId))).rejects.toThrow('slot store unavailable');
    expect(releaseRan).toBe(true);
    const events = await world.deps.calls.listEvents(call.callId);
    expect(events.filter((e) => e.type === 'retell.call_ended')).toHaveLength(1);
  });

  it('rejects with the call store error when reading the call fails, after the slot was freed', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550142', '2026-12-02T18:00:00.000Z');
    const released: string[] = [];
    const deps: Dependencies = {
      ...oneLine(world.deps),
      slots: overriding(world.deps.slots!, {
        release: async (callId, attempt) => {
          released.push(`${callId}#${attempt}`);
          return false;
        },
      }),
      calls: overriding(world.deps.calls, {
        get: async () => {
          throw new Error('table unavailable');
        },
      }),
    };
    await expect(applyProviderEvent(deps, endingOf(call.callId))).rejects.toThrow('table unavailable');
    expect(released).toEqual([`${call.callId}#1`]);
  });
});

/** The world's wiring with every account on the one line of `deps.slots` (so a test can override those slots). */
function oneLine({ voiceLines: _lines, ...deps }: Dependencies): Dependencies {
  return deps;
}
