import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';
import { scheduleTestCall } from '../local/test-support/test-calls.js';
import type { ProviderCallEvent, ProviderEventQueue } from '../ports/provider-events.js';
import { receiveProviderEvent } from './receive-provider-event.js';

/** The webhook's short part on the real wiring (DynamoDB Local): one receipt per event, every delivery handed over. */
let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-12-02T17:00:00.000Z');
  await world.putClinic();
});
afterAll(() => world?.stop());

/** A queue that keeps what it was handed (what the Lambda adapter would invoke apply-provider-event with). */
function keepingQueue(fail = false): ProviderEventQueue & { handed: ProviderCallEvent[] } {
  const handed: ProviderCallEvent[] = [];
  return {
    handed,
    enqueue: async (event) => {
      if (fail) throw new Error('refused');
      handed.push(event);
    },
  };
}

describe('receiveProviderEvent', () => {
  it('writes one receipt for a redelivered event, hands over every delivery, and leaves the call itself unchanged', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550131', '2026-12-02T18:00:00.000Z');
    const event: ProviderCallEvent = { kind: 'call_ended', name: 'call_ended', providerCallId: 'call_abc', callId: call.callId, attempt: 1, disconnectionReason: 'user_hangup' };
    const queue = keepingQueue();
    expect(await receiveProviderEvent(world.deps, queue, event)).toBe('received');
    expect(await receiveProviderEvent(world.deps, queue, event)).toBe('redelivered');
    expect(queue.handed).toEqual([event, event]);
    const receipts = (await world.deps.calls.listEvents(call.callId)).filter((e) => e.type === 'retell.call_ended.received');
    expect(receipts).toHaveLength(1);
    expect(await world.deps.calls.get(call.callId)).toEqual(call);
  });

  it('hands over an event without our call id (no receipt possible) and fails when the queue refuses', async () => {
    const bare: ProviderCallEvent = { kind: 'call_started', name: 'call_started', providerCallId: 'call_bare' };
    const queue = keepingQueue();
    expect(await receiveProviderEvent(world.deps, queue, bare)).toBe('received');
    expect(queue.handed).toEqual([bare]);
    await expect(receiveProviderEvent(world.deps, keepingQueue(true), bare)).rejects.toThrow('refused');
  });
});
