import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelCall } from '../cancel-call.js';
import { updateCall } from '../update-call.js';
import { rescheduleCall } from './reschedule-call.js';
import { scheduleTestCall, WEEKDAYS_9_TO_5 } from '../../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

let world: UseCaseWorld;
// Monday 2026-11-23 12:00 in New York (EST, UTC−5).
beforeAll(async () => {
  world = await startUseCaseWorld('2026-11-23T17:00:00.000Z');
  await world.putClinic({ demoMode: false, enforceRecipientWindow: true, weeklyHours: WEEKDAYS_9_TO_5 });
});
afterAll(() => world?.stop());

describe('rescheduleCall (injected clock, DynamoDB Local, Scheduler emulator)', () => {
  it('moves a scheduled call to the new time: new schedule created, old one deleted', async () => {
    const call = await scheduleTestCall(world.deps, '+12125550131', '2026-11-24T15:00:00.000Z');
    const moved = await rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-25T16:30:00.000Z');
    expect(moved).toMatchObject({ status: 'scheduled', scheduledFor: '2026-11-25T16:30:00.000Z', attempts: [{ attempt: 1, scheduledFor: '2026-11-25T16:30:00.000Z' }] });
    expect(moved.requestedFor).toBeUndefined();
    const names = world.scheduler.schedules().map((s) => s.name);
    expect(names).toContain(moved.scheduleName);
    expect(names).not.toContain(call.scheduleName);
    expect((await world.deps.calls.listEvents(call.callId)).map((e) => e.type)).toContain('rescheduled');
  });

  it('applies the calling window: a Saturday request moves to Monday 09:00 clinic time, with the reason', async () => {
    const call = await scheduleTestCall(world.deps, '+12125550132', '2026-11-24T15:00:00.000Z');
    const moved = await rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-28T15:00:00.000Z');
    expect(moved.scheduledFor).toBe('2026-11-30T14:00:00.000Z');
    expect(moved.requestedFor).toBe('2026-11-28T15:00:00.000Z');
    expect(moved.statusReason).toMatch(/^Moved to Monday 2026-11-30 09:00 \(America\/New_York\)/);
  });

  it('moving back to an earlier time works too (history events do not collide)', async () => {
    const call = await scheduleTestCall(world.deps, '+12125550133', '2026-11-24T15:00:00.000Z');
    await rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-25T15:00:00.000Z');
    const back = await rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-24T15:00:00.000Z');
    expect(back.scheduledFor).toBe('2026-11-24T15:00:00.000Z');
  });

  it('answers 409 when the call is no longer scheduled, 404 for another clinic, 400 for the past', async () => {
    const call = await scheduleTestCall(world.deps, '+12125550134', '2026-11-24T15:00:00.000Z');
    await expect(rescheduleCall(world.deps, 'other-clinic', call.callId, '2026-11-25T15:00:00.000Z')).rejects.toMatchObject({ status: 404 });
    await expect(rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-20T15:00:00.000Z')).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'scheduledFor' }],
    });
    await cancelCall(world.deps, 'demo-clinic', call.callId);
    await expect(rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-25T15:00:00.000Z')).rejects.toMatchObject({ status: 409 });
  });

  it('refuses a number that opted out since it was scheduled', async () => {
    const call = await scheduleTestCall(world.deps, '+12125550135', '2026-11-24T15:00:00.000Z');
    await world.deps.optOuts.add('demo-clinic', { phoneNumber: '+12125550135', reason: 'test', createdAt: '2026-11-23T17:00:00.000Z' });
    await expect(rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-25T15:00:00.000Z')).rejects.toMatchObject({
      status: 409,
      code: 'opted_out',
    });
  });

  it("moves a call by the zones stored at scheduling time, without looking the number up again", async () => {
    const call = await scheduleTestCall(world.deps, '+12125550136', '2026-11-24T15:00:00.000Z');
    const noLookup = { ...world.deps, recipientZones: async (): Promise<string[]> => { throw new Error('looked the number up'); } };
    const moved = await rescheduleCall(noLookup, 'demo-clinic', call.callId, '2026-11-25T15:00:00.000Z');
    expect(moved).toMatchObject({ scheduledFor: '2026-11-25T15:00:00.000Z', recipientZones: ['America/New_York'] });
  });

  it('looks up and stores the zones of a call stored before zones were stored', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550137', '2026-11-24T17:00:00.000Z');
    await updateCall(world.deps, call.callId, ({ recipientZones: _old, ...rest }) => ({ next: rest }));
    const moved = await rescheduleCall(world.deps, 'demo-clinic', call.callId, '2026-11-25T17:00:00.000Z');
    expect(moved.recipientZones).toEqual(['America/Los_Angeles']);
  });
});
