import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProviderEvent } from '../apply-provider-event.js';
import { dialDueCall } from '../dial-due-call.js';
import { endAttempt, retryBaseTime } from '../next-attempt.js';
import { OPTED_OUT_CANCEL_REASON } from './opt-outs.js';
import { scheduleTestCall } from '../../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

/**
 * What happens when an attempt ends (endAttempt / applyProviderEvent) under the calling rules: retry spacing measured
 * from the attempt's end, the per-number cap on retries, uncounted attempts, and opt-outs from the call analysis.
 * Real DynamoDB Local, Scheduler emulator and Retell simulator; the demo clinic (open around the clock); injected clock.
 */
let world: UseCaseWorld;
const T0 = '2026-11-23T17:00:00.000Z';
const MIN = 60_000;
beforeAll(async () => {
  world = await startUseCaseWorld(T0);
  await world.putClinic();
});
afterAll(() => world?.stop());

/** Schedules a call at T0 + 1 min and dials attempt 1 at that time. */
async function dialled(phoneNumber: string) {
  world.setNow(T0);
  const call = await scheduleTestCall(world.deps, phoneNumber, '2026-11-23T17:01:00.000Z');
  world.setNow('2026-11-23T17:01:00.000Z');
  expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('dialed');
  return (await world.deps.calls.get(call.callId))!;
}

describe('retryBaseTime', () => {
  const now = new Date('2026-11-23T17:10:00.000Z');
  it('is the delay after the attempt ended', () => {
    expect(retryBaseTime('2026-11-23T17:09:00.000Z', now, 5 * MIN).toISOString()).toBe('2026-11-23T17:14:00.000Z');
  });
  it('is never before now (a webhook later than the delay) and ignores an end time in the future', () => {
    expect(retryBaseTime('2026-11-23T17:00:00.000Z', now, 5 * MIN)).toEqual(now);
    expect(retryBaseTime('2026-11-23T18:00:00.000Z', now, 5 * MIN).toISOString()).toBe('2026-11-23T17:15:00.000Z');
    expect(retryBaseTime('garbage', now, 5 * MIN).toISOString()).toBe('2026-11-23T17:15:00.000Z');
  });
});

describe('endAttempt under the calling rules', () => {
  it('schedules the retry 5 minutes after the attempt ended and keeps each attempt reason and times', async () => {
    const call = await dialled('+13035550151');
    world.setNow('2026-11-23T17:03:00.000Z'); // the webhook arrives a minute after the end
    const next = await endAttempt(world.deps, call.callId, 1, { disconnectionReason: 'dial_no_answer', endedAt: '2026-11-23T17:02:00.000Z' });
    expect(next).toMatchObject({ status: 'scheduled', attempt: 2, scheduledFor: '2026-11-23T17:07:00.000Z' });
    expect(next?.attempts[0]).toMatchObject({
      attempt: 1,
      dialedAt: '2026-11-23T17:01:00.000Z',
      endedAt: '2026-11-23T17:02:00.000Z',
      disconnectionReason: 'dial_no_answer',
    });
    expect(world.scheduler.schedules().map((s) => s.name)).toContain(next?.scheduleName);
  });

  it('fails the call instead of retrying when the retry would exceed the per-number cap, with the reason', async () => {
    const n = '+13035550152';
    await world.deps.numberUsage.recordDial('demo-clinic', { phoneNumber: n, at: '2026-11-10T15:00:00.000Z', callId: 'older-a', attempt: 1 });
    await world.deps.numberUsage.recordDial('demo-clinic', { phoneNumber: n, at: '2026-11-11T15:00:00.000Z', callId: 'older-b', attempt: 1 });
    const call = await dialled(n); // the 3rd dial in 30 days
    world.setNow('2026-11-23T17:02:00.000Z');
    const ended = await endAttempt(world.deps, call.callId, 1, { disconnectionReason: 'dial_busy', endedAt: '2026-11-23T17:02:00.000Z' });
    expect(ended?.status).toBe('failed');
    expect(ended?.statusReason).toBe(
      'Stopped after 1 attempt (line busy): This number has already had 3 automated calls in the last 30 days ' +
        '(limit 3, FCC 20-186); the next call is possible from 2026-12-10T15:00:00.000Z',
    );
    expect(ended?.attempts).toHaveLength(1);
  });

  it('an attempt that ended because OUR provider capacity was full does not count toward the cap', async () => {
    const n = '+13035550153';
    const call = await dialled(n);
    expect(await world.deps.numberUsage.dialsSince('demo-clinic', n, new Date(0))).toHaveLength(1);
    const next = await endAttempt(world.deps, call.callId, 1, { disconnectionReason: 'concurrency_limit_reached', endedAt: '2026-11-23T17:01:05.000Z' });
    expect(next).toMatchObject({ status: 'scheduled', attempt: 2 });
    expect(await world.deps.numberUsage.dialsSince('demo-clinic', n, new Date(0))).toEqual([]);
  });
});

describe('opt-out from the call analysis', () => {
  it('call_analyzed with custom_analysis_data.opt_out adds the number, keeps it on the call and cancels other scheduled calls', async () => {
    const n = '+13035550154';
    world.setNow(T0);
    const later = await scheduleTestCall(world.deps, n, '2026-11-30T17:00:00.000Z', { consultationId: '999' });
    const call = await dialled(n);
    world.setNow('2026-11-23T17:05:00.000Z');
    const result = await applyProviderEvent(world.deps, {
      kind: 'call_analyzed',
      name: 'call_analyzed',
      providerCallId: call.retellCallId!,
      callId: call.callId,
      attempt: 1,
      endedAt: '2026-11-23T17:04:00.000Z',
      disconnectionReason: 'user_hangup',
      analysis: { summary: 'Owner asked not to be called again.', optOutRequested: true },
    });
    expect(result).toBe('applied');
    expect(await world.deps.calls.get(call.callId)).toMatchObject({ status: 'completed', outcome: { optOutRequested: true } });
    expect((await world.deps.optOuts.list('demo-clinic')).find((o) => o.phoneNumber === n)).toMatchObject({
      source: 'call',
      callId: call.callId,
      reason: 'Asked during the call not to be called again',
    });
    expect(await world.deps.calls.get(later.callId)).toMatchObject({ status: 'cancelled', statusReason: OPTED_OUT_CANCEL_REASON });
  });
});
