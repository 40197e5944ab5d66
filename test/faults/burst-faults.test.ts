import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import type { SimulatorFaults } from '@vfc/backend/local/retell-simulator/index';
import { callReader, checkInvariants, createBurst, settle } from './support/burst-harness.js';

/**
 * Bursts on the real local stack (DynamoDB Local, scheduler emulator, Retell simulator) with one fault mode on at a
 * time, each checked against the fault suite's invariants (bench/README.md lists them).
 * Time: the stack clock runs 60× (5-minute retries take 5 s); calls last ~1 s of real time; C = 5.
 */
const LIMIT = 5;
const CALLS = 30;
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    timeScale: 60,
    concurrencyLimit: LIMIT,
    ringMs: 200,
    callDurationMs: 800,
    analysisDelayMs: 100,
    retellTimeoutMs: 1_500,
    // Every minute of stack time (1 s real); calls without call_ended are asked about after 10 stack minutes.
    reconcileSchedule: 'rate(1 minute)',
    reconcile: { unendedAfterMs: 10 * 60_000, dialingWithoutIdAfterMs: 5 * 60_000, overdueAfterMs: 5 * 60_000 },
  });
});
afterAll(() => stack?.stop());

let offset = 0;
async function burstWith(faults: SimulatorFaults, duplicateDeliveryRate = 0) {
  const simulator = stack.simulator!;
  simulator.setFaults(faults);
  stack.scheduler.setDuplicateDeliveryRate(duplicateDeliveryRate);
  try {
    const burst = await createBurst(stack, CALLS, { leadMs: 5 * 60_000, offset: (offset += 1000) });
    const calls = await settle(stack, burst, 90_000);
    const report = await checkInvariants(stack, simulator, burst, calls, LIMIT);
    if (report.stuck.length > 0) {
      const { store, slots } = callReader(stack);
      const first = report.stuck[0]!.callId;
      console.log('STUCK', JSON.stringify(await store.get(first)), JSON.stringify(await store.listEvents(first)));
      console.log('SLOTS', JSON.stringify(await slots.snapshot()).slice(0, 2000));
    }
    expect(report.missing).toEqual([]);
    expect(report.stuck).toEqual([]);
    expect(report.dialledTwice).toEqual([]);
    expect(report.unknownProviderCalls).toEqual([]);
    expect(report.inconsistent).toEqual([]);
    expect(report.peakConcurrency).toBeLessThanOrEqual(LIMIT);
    return { calls: calls.map((c) => c!), injected: simulator.faultsInjected() };
  } finally {
    simulator.setFaults({});
    stack.scheduler.setDuplicateDeliveryRate(0);
  }
}

describe('bursts under faults keep the invariants', () => {
  it('no faults: every call completes in one attempt', async () => {
    const { calls } = await burstWith({});
    expect(calls.every((c) => c.status === 'completed' && c.attempt === 1)).toBe(true);
  });

  it('429 on 30% of create-phone-call: a wait, never an attempt — every call completes at attempt 1', async () => {
    const before = stack.simulator!.faultsInjected().createCall429;
    const { calls, injected } = await burstWith({ createCall429Rate: 0.3 });
    expect(injected.createCall429 - before).toBeGreaterThan(0);
    expect(calls.filter((c) => c.status !== 'completed' || c.attempt !== 1)).toEqual([]);
  });

  it('500 on 20%: the attempt counts and is retried by the policy; every call ends terminal', async () => {
    const before = stack.simulator!.faultsInjected().createCall500;
    const { calls, injected } = await burstWith({ createCall500Rate: 0.2 });
    expect(injected.createCall500 - before).toBeGreaterThan(0);
    expect(calls.some((c) => c.attempt > 1)).toBe(true);
    expect(calls.filter((c) => c.status === 'completed').length).toBeGreaterThanOrEqual(CALLS - 2);
  });

  it('no answer (timeout) on 15%: retried like a 500, nothing stuck in dialing', async () => {
    const { calls, injected } = await burstWith({ createCallTimeoutRate: 0.15, createCallTimeoutMs: 2_500 });
    expect(injected.createCallTimeout).toBeGreaterThan(0);
    expect(calls.every((c) => c.status === 'completed' || c.status === 'failed')).toBe(true);
  });

  it('webhooks duplicated (30%), out of order (30%) and late (20%): every call completes once', async () => {
    const { calls } = await burstWith({
      webhookDuplicateRate: 0.3,
      webhookOutOfOrderRate: 0.3,
      webhookOutOfOrderDelayMs: 600,
      webhookLateRate: 0.2,
      webhookLateMs: 1_500,
    });
    expect(calls.filter((c) => c.status !== 'completed' || c.attempt !== 1)).toEqual([]);
  });

  it('webhooks lost (30%): calls whose end never arrives are resolved from get-call by the reconciler', async () => {
    const { calls, injected } = await burstWith({ webhookDropRate: 0.3 });
    expect(injected.webhookDropped).toBeGreaterThan(0);
    expect(calls.filter((c) => c.status !== 'completed')).toEqual([]);
  });

  it('the scheduler delivers half of the firings twice: still one dial per attempt', async () => {
    const { calls } = await burstWith({}, 0.5);
    expect(stack.scheduler.invocations().length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.status !== 'completed' || c.attempt !== 1)).toEqual([]);
  });
});
