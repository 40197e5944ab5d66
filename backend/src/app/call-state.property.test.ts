import { isLegalStatusWrite, METRIC, type CallRecord, type CallStatus } from '@vfc/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallStore } from '../ports/call-store.js';
import type { Dependencies, RecipientZoneDependencies } from './dependencies.js';
import { applyProviderEvent } from './apply-provider-event.js';
import { cancelCall } from './cancel-call.js';
import { rescheduleCall } from './calling-rules/reschedule-call.js';
import { scheduleTestCall } from '../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';
import { dialDueCall } from './dial-due-call.js';
import { AppError } from './errors.js';
import { reconcileCalls } from './reconcile/reconcile-calls.js';
import { updateCall } from './update-call.js';

const START = '2026-11-23T17:00:00.000Z';
let world: UseCaseWorld;
let deps: Dependencies & RecipientZoneDependencies;
/** Every status write the store accepted, as (status it was conditional on → status written). */
const writes: Array<{ from: CallStatus; to: CallStatus }> = [];
const counted: string[] = [];
/** Every status move written during the property runs, `from→to`. */
const seen = new Set<string>();
const warnings: Array<Record<string, unknown> | undefined> = [];

beforeAll(async () => {
  world = await startUseCaseWorld(START);
  await world.putClinic(); // open every hour: due calls are dialled
  const calls = world.deps.calls;
  const recording: CallStore = Object.assign(Object.create(calls) as CallStore, {
    update: async (...args: Parameters<CallStore['update']>) => {
      const stored = await calls.update(...args);
      writes.push({ from: args[1].status, to: args[0].status });
      if (args[1].status !== args[0].status) seen.add(`${args[1].status}→${args[0].status}`);
      return stored;
    },
  });
  deps = {
    ...world.deps,
    calls: recording,
    metrics: { count: (name: string) => void counted.push(name), gauge: () => undefined },
    logger: { ...world.deps.logger, warn: (message, detail) => void warnings.push({ message, ...detail }) },
  };
});
afterAll(() => world?.stop());

type Step =
  | { kind: 'fire'; attemptDelta: number }
  | { kind: 'webhook'; event: 'call_started' | 'call_ended' | 'call_analyzed'; reason: string; attemptDelta: number }
  | { kind: 'cancel' }
  | { kind: 'reschedule'; minutes: number }
  | { kind: 'reconcile' }
  | { kind: 'advance'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('fire' as const), attemptDelta: fc.integer({ min: -1, max: 1 }) }),
  fc.record({
    kind: fc.constant('webhook' as const),
    event: fc.constantFrom('call_started' as const, 'call_ended' as const, 'call_analyzed' as const),
    reason: fc.constantFrom('user_hangup', 'dial_no_answer', 'voicemail_reached', 'invalid_destination', 'dial_busy'),
    attemptDelta: fc.integer({ min: -1, max: 1 }),
  }),
  fc.record({ kind: fc.constant('cancel' as const) }),
  fc.record({ kind: fc.constant('reschedule' as const), minutes: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('reconcile' as const) }),
  fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 30 }) }),
);

let now = Date.parse(START);
let runNumber = 0;

/** Runs one step against the call; refusals the API answers with (409 etc.) are part of the game. */
async function run(call: CallRecord, s: Step): Promise<void> {
  const current = (await deps.calls.get(call.callId))!;
  const attempt = Math.max(1, current.attempt + ('attemptDelta' in s ? s.attemptDelta : 0));
  try {
    switch (s.kind) {
      case 'fire':
        await dialDueCall(deps, { callId: call.callId, attempt });
        return;
      case 'webhook': {
        const providerCallId = current.retellCallId ?? `call_never_placed_${call.callId}`;
        const at = new Date(now).toISOString();
        await applyProviderEvent(deps, {
          kind: s.event,
          name: s.event,
          providerCallId,
          callId: call.callId,
          attempt,
          startedAt: at,
          ...(s.event === 'call_started' ? {} : { endedAt: at, durationMs: 1_000, disconnectionReason: s.reason }),
          ...(s.event === 'call_analyzed' ? { analysis: { summary: 'ok', inVoicemail: s.reason === 'voicemail_reached' } } : {}),
        });
        return;
      }
      case 'cancel':
        await cancelCall(deps, 'demo-clinic', call.callId);
        return;
      case 'reschedule':
        await rescheduleCall(deps, 'demo-clinic', call.callId, new Date(now + s.minutes * 60_000).toISOString());
        return;
      case 'reconcile':
        await reconcileCalls(deps);
        return;
      case 'advance':
        now += s.minutes * 60_000;
        world.setNow(new Date(now).toISOString());
        return;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

describe('the call state machine (property, real use cases on DynamoDB Local and the Retell simulator)', () => {
  it('random sequences of firings, webhooks in any order, cancels, reschedules and reconciles only write moves of the table', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        runNumber++;
        const phone = `+1415555${String(2000 + runNumber).padStart(4, '0')}`;
        const call = await scheduleTestCall(deps, phone, new Date(now).toISOString());
        writes.length = 0;
        for (const s of steps) await run(call, s);
        const illegal = writes.filter((w) => !isLegalStatusWrite(w.from, w.to));
        expect(illegal).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // The sequences really moved calls through the machine (the property is not about calls that never moved).
    expect([...seen]).toEqual(expect.arrayContaining(['scheduled→dialing', 'scheduled→cancelled']));
    expect([...seen].some((move) => move.startsWith('dialing→'))).toBe(true);
  }, 300_000);

  it('a change asking for a move outside the table is refused: nothing written, logged with the call id, counted', async () => {
    const call = await scheduleTestCall(deps, '+14155552999', new Date(now).toISOString());
    await cancelCall(deps, 'demo-clinic', call.callId);
    counted.length = 0;
    warnings.length = 0;
    writes.length = 0;
    const result = await updateCall(deps, call.callId, (c) => ({ next: { ...c, status: 'in_progress' } }));
    expect(result).toMatchObject({ changed: false, call: { status: 'cancelled' } });
    expect(writes).toEqual([]);
    expect((await deps.calls.get(call.callId))?.status).toBe('cancelled');
    expect(counted).toEqual([METRIC.illegalCallTransition]);
    expect(warnings).toEqual([{ message: 'illegal call status move refused', callId: call.callId, from: 'cancelled', to: 'in_progress' }]);
  });
});
