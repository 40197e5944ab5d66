import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';
import { dialDueCall } from '../dial-due-call.js';
import { updateCall } from '../update-call.js';
import { OPTED_OUT_CANCEL_REASON } from './opt-outs.js';
import { isEarlyFiring } from './dial-guards.js';
import { scheduleTestCall, WEEKDAYS_9_TO_5 } from '../../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

/**
 * The dialer's calling-rules checks through the real `dialDueCall`: DynamoDB Local, the Scheduler emulator and the
 * Retell simulator (which knows the demo clinic's agent), with an injected clock.
 */
let world: UseCaseWorld;
// Monday 2026-11-23 16:50 in New York (EST, UTC−5); the clinic is open Mon–Fri 09:00–17:00.
const MONDAY_1650 = '2026-11-23T21:50:00.000Z';
beforeAll(async () => {
  world = await startUseCaseWorld(MONDAY_1650);
  await world.putClinic({ demoMode: false, enforceRecipientWindow: true, weeklyHours: WEEKDAYS_9_TO_5 });
});
afterAll(() => world?.stop());

async function due(phoneNumber: string, at = '2026-11-23T21:55:00.000Z') {
  world.setNow(MONDAY_1650);
  const call = await scheduleTestCall(world.deps, phoneNumber, at);
  world.setNow(at);
  return call;
}

/** Rewrites a stored call's zone fields to `zones` (a call stored before zones were stored has neither). */
async function setStoredZones(callId: string, zones: Pick<CallRecord, 'recipientTimezone' | 'recipientZones'>) {
  await updateCall(world.deps, callId, (call) => {
    const { recipientTimezone: _staff, recipientZones: _looked, ...rest } = call;
    return { next: { ...rest, ...zones } };
  });
}

/** The world's dependencies with a zone lookup that fails the test if anything calls it, and the warnings logged. */
function dialerDeps(): { deps: Dependencies; warnings: [string, unknown][] } {
  const warnings: [string, unknown][] = [];
  const deps: Dependencies & { recipientZones: () => never } = {
    ...world.deps,
    recipientZones: () => {
      throw new Error('the dialer looked the number up');
    },
    logger: { ...world.deps.logger, warn: (message, detail) => void warnings.push([message, detail]) },
  };
  return { deps, warnings };
}

describe('dialDueCall with the calling rules', () => {
  it('places a due call inside the window and records the dial for the per-number cap', async () => {
    const call = await due('+12125550141');
    expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('dialed');
    expect(await world.deps.numberUsage.dialsSince('demo-clinic', '+12125550141', new Date(0))).toEqual([
      { phoneNumber: '+12125550141', at: '2026-11-23T21:55:00.000Z', callId: call.callId, attempt: 1 },
    ]);
    expect(world.simulator.stats().callsByToNumber['+12125550141']).toBe(1);
  });

  it('moves the call to the next slot when the window closed between scheduling and dialling', async () => {
    const call = await due('+12125550142');
    world.setNow('2026-11-23T22:01:00.000Z'); // 17:01 in New York: closed
    expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('moved');
    const moved = await world.deps.calls.get(call.callId);
    expect(moved).toMatchObject({ status: 'scheduled', attempt: 1, scheduledFor: '2026-11-24T14:00:00.000Z' });
    expect(moved?.statusReason).toMatch(/Tuesday 2026-11-24 09:00/);
    expect(world.scheduler.schedules().map((s) => s.name)).toContain(moved?.scheduleName);
    expect(world.simulator.stats().callsByToNumber['+12125550142']).toBeUndefined();
  });

  it('cancels, never dials, a call whose number opted out after it was scheduled', async () => {
    const call = await due('+12125550143');
    await world.deps.optOuts.add('demo-clinic', { phoneNumber: '+12125550143', reason: 'test', createdAt: MONDAY_1650 });
    expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('cancelled');
    expect(await world.deps.calls.get(call.callId)).toMatchObject({ status: 'cancelled', statusReason: OPTED_OUT_CANCEL_REASON });
    expect(world.simulator.stats().callsByToNumber['+12125550143']).toBeUndefined();
  });

  it('fails, never dials, a call that would exceed the per-number cap at dial time', async () => {
    const n = '+12125550144';
    const call = await due(n);
    for (const [i, at] of ['2026-11-02T15:00:00.000Z', '2026-11-12T15:00:00.000Z', '2026-11-22T15:00:00.000Z'].entries()) {
      await world.deps.numberUsage.recordDial('demo-clinic', { phoneNumber: n, at, callId: `earlier-${i}`, attempt: 1 });
    }
    expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('failed');
    const failed = await world.deps.calls.get(call.callId);
    expect(failed?.status).toBe('failed');
    expect(failed?.statusReason).toMatch(/limit 3, FCC 20-186.*2026-12-02T15:00:00.000Z/);
    expect(world.simulator.stats().callsByToNumber[n]).toBeUndefined();
    expect(await world.deps.numberUsage.dialsSince('demo-clinic', n, new Date(0))).toHaveLength(3);
  });

  it('skips a leftover firing that comes well before the call is due (old schedule of a rescheduled call)', async () => {
    const call = await due('+12125550145', '2026-11-23T21:58:00.000Z');
    world.setNow('2026-11-23T21:56:00.000Z');
    expect(isEarlyFiring(call, new Date('2026-11-23T21:56:00.000Z'))).toBe(true);
    expect(isEarlyFiring(call, new Date('2026-11-23T21:57:30.000Z'))).toBe(false);
    expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('skipped');
    expect((await world.deps.calls.get(call.callId))?.status).toBe('scheduled');
  });

  it('bounds the window by the zones stored at scheduling time, never by a lookup of the number at dial time', async () => {
    const call = await due('+12125550146'); // a New York number, due 16:55 New York
    await setStoredZones(call.callId, { recipientZones: ['Europe/London'] }); // 21:55 in London: past 21:00
    const { deps } = dialerDeps();
    expect(await dialDueCall(deps, { callId: call.callId, attempt: 1 })).toBe('moved');
    expect(await world.deps.calls.get(call.callId)).toMatchObject({ status: 'scheduled', scheduledFor: '2026-11-24T14:00:00.000Z' });
  });

  it("dials a call stored without zones within the clinic's zone and logs a warning with its ids only", async () => {
    world.setNow(MONDAY_1650);
    // A London number (21:55 there), scheduled under New York's hours; then stored as an old item: no zone fields.
    const call = await scheduleTestCall(world.deps, '+442071234567', '2026-11-23T21:55:00.000Z', { recipientTimezone: 'America/New_York' });
    await setStoredZones(call.callId, {});
    world.setNow('2026-11-23T21:55:00.000Z');
    const { deps, warnings } = dialerDeps();
    expect(await dialDueCall(deps, { callId: call.callId, attempt: 1 })).toBe('dialed');
    expect(warnings).toEqual([[expect.stringMatching(/no stored recipient zones/), { callId: call.callId, clinicId: 'demo-clinic' }]]);
  });
});
