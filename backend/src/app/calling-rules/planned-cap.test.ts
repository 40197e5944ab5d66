import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelCall } from '../cancel-call.js';
import { rescheduleCall } from './reschedule-call.js';
import { scheduleTestCall } from '../../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-11-23T17:00:00.000Z');
  await world.putClinic(); // open every hour, cap 3
});
afterAll(() => world?.stop());

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.parse('2026-11-24T15:00:00.000Z') + n * DAY).toISOString();

describe('the per-number cap counts planned calls at scheduling and rescheduling (DynamoDB Local)', () => {
  it('refuses a fourth planned call in the same week with freesAt, stores nothing, and lets it in once one is cancelled', async () => {
    const n = '+14155550161';
    const planned = [];
    for (const d of [0, 1, 2]) planned.push(await scheduleTestCall(world.deps, n, day(d)));
    const schedulesBefore = world.scheduler.schedules().length;

    const fourth = scheduleTestCall(world.deps, n, day(3));
    // The window [day 0, day 30) would hold four: the first free instant is 30 days after the first planned call.
    await expect(fourth).rejects.toMatchObject({ status: 409, code: 'number_cap_reached', details: { freesAt: day(30) } });
    expect(world.scheduler.schedules()).toHaveLength(schedulesBefore);
    expect(await world.deps.calls.listScheduledToNumber('demo-clinic', n, new Date(0))).toHaveLength(3);

    await cancelCall(world.deps, 'demo-clinic', planned[1]!.callId);
    const admitted = await scheduleTestCall(world.deps, n, day(3));
    expect(admitted).toMatchObject({ status: 'scheduled', scheduledFor: day(3) });
  });

  it('a planned call past 30 days from the others is allowed', async () => {
    const n = '+14155550162';
    for (const d of [0, 1, 2]) await scheduleTestCall(world.deps, n, day(d));
    expect((await scheduleTestCall(world.deps, n, day(30))).scheduledFor).toBe(day(30));
  });

  it('rescheduling counts the other planned calls but not the moved call itself, and a moved call frees its place', async () => {
    const n = '+14155550163';
    const a = await scheduleTestCall(world.deps, n, day(0));
    const b = await scheduleTestCall(world.deps, n, day(1));
    const c = await scheduleTestCall(world.deps, n, day(2));
    // Moving one of the three within the week keeps three: allowed.
    expect((await rescheduleCall(world.deps, 'demo-clinic', c.callId, day(4))).scheduledFor).toBe(day(4));
    // A fourth is refused until one of them moves out of its window.
    await expect(scheduleTestCall(world.deps, n, day(5))).rejects.toMatchObject({ code: 'number_cap_reached', details: { freesAt: day(30) } });
    await rescheduleCall(world.deps, 'demo-clinic', b.callId, day(40));
    expect((await scheduleTestCall(world.deps, n, day(5))).scheduledFor).toBe(day(5));
    // Now a (day 0), the new one (day 5) and c (day 4) share a window: moving b back into it is refused.
    await expect(rescheduleCall(world.deps, 'demo-clinic', b.callId, day(6))).rejects.toMatchObject({ status: 409, code: 'number_cap_reached' });
    expect((await world.deps.calls.get(b.callId))?.scheduledFor).toBe(day(40));
    expect(a.status).toBe('scheduled');
  });

  it('recorded dials and planned calls count together', async () => {
    const n = '+14155550164';
    await world.deps.numberUsage.recordDial('demo-clinic', { phoneNumber: n, at: '2026-11-20T15:00:00.000Z', callId: 'made-1', attempt: 1 });
    await world.deps.numberUsage.recordDial('demo-clinic', { phoneNumber: n, at: '2026-11-20T15:05:00.000Z', callId: 'made-1', attempt: 2 });
    await scheduleTestCall(world.deps, n, day(0));
    await expect(scheduleTestCall(world.deps, n, day(1))).rejects.toMatchObject({
      code: 'number_cap_reached',
      details: { freesAt: '2026-12-20T15:00:00.000Z' },
    });
  });
});
