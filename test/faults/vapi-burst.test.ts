import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { createBurst, settle } from './support/burst-harness.js';

/**
 * A burst on the platform's Vapi account (limit 10, Vapi's default) on the real local stack: the demo clinic is
 * switched to Vapi with `PUT /clinic/voice`, 40 calls fall due at once and are dialled through the Vapi simulator's
 * 10 concurrent calls. Stack clock ×60; calls last ~1 s of real time.
 */
const VAPI_LIMIT = 10;
const CALLS = 40;
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    timeScale: 60,
    vapiConcurrencyLimit: VAPI_LIMIT,
    ringMs: 200,
    callDurationMs: 800,
    reconcileSchedule: 'rate(1 minute)',
  });
  const saved = await fetch(`${stack.apiUrl}/clinic/voice`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${stack.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'vapi' }),
  });
  if (saved.status !== 200) throw new Error(`PUT /clinic/voice answered ${saved.status}`);
});
afterAll(() => stack?.stop());

describe('a burst on a Vapi account with limit 10', () => {
  it('every call completes once, no attempt is placed twice, no 429, and never more than 10 calls live (10 reached)', async () => {
    const burst = await createBurst(stack, CALLS, { leadMs: 5 * 60_000, offset: 0 });
    const calls = await settle(stack, burst, 120_000);
    const vapi = stack.vapiSimulator!;
    const mine = new Set(burst.callIds);
    const placed = vapi.calls().map((c) => c.assistantOverrides?.metadata as { call_id?: string; attempt?: number; voice_account?: string });
    const perAttempt = new Map<string, number>();
    for (const meta of placed.filter((m) => mine.has(String(m.call_id)))) {
      const key = `${meta.call_id}#${meta.attempt}`;
      perAttempt.set(key, (perAttempt.get(key) ?? 0) + 1);
    }

    expect(calls.filter((c) => c === undefined)).toEqual([]); // none lost
    expect(calls.filter((c) => c!.status !== 'completed').map((c) => [c!.callId, c!.status])).toEqual([]);
    expect(perAttempt.size).toBe(CALLS);
    expect([...perAttempt.values()].every((n) => n === 1)).toBe(true); // no duplicate dial
    expect(new Set(placed.filter((m) => mine.has(String(m.call_id))).map((m) => m.voice_account))).toEqual(new Set(['vapi:platform']));
    expect(stack.simulator!.callLog().filter((r) => mine.has(String(r.metadata.call_id)))).toEqual([]); // nothing on Retell
    expect(vapi.stats().rejectedAtLimit).toBe(0); // our slots kept us under the limit: Vapi never had to refuse
    expect(vapi.stats().peakConcurrency).toBe(VAPI_LIMIT);
  });
});
