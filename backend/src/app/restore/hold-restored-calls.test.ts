import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';
import { rescheduleCall } from '../calling-rules/reschedule-call.js';
import { dialDueCall } from '../dial-due-call.js';
import { reconcileCalls } from '../reconcile/reconcile-calls.js';
import { scheduleCall } from '../schedule-call.js';
import { holdRestoredCalls } from './hold-restored-calls.js';

// Each test gets a table of its own: the run walks every clinic, so calls of another test would change its counts.
let world: UseCaseWorld;
beforeEach(async () => {
  world = await startUseCaseWorld('2026-11-26T16:00:00.000Z');
});
afterEach(() => world?.stop());

const RESTORED_TO = new Date('2026-11-26T16:30:00.000Z');

async function callAt(clinicId: string, iso: string, consultationId: string) {
  world.setNow(iso);
  const { call } = await scheduleCall(world.deps, {
    clinicId,
    request: { consultationId, petName: 'Rex', ownerName: 'Ana', phoneNumber: `+1415555${consultationId}`, scheduledFor: iso },
  });
  return call;
}

/** A clinic with one call due during the gap (17:00) and one still ahead (20:00); the swap happens at 19:00. */
async function restoredTable() {
  const clinic = await world.putClinic({ clinicId: 'restored' });
  const due = await callAt(clinic.clinicId, '2026-11-26T17:00:00.000Z', '4001');
  const ahead = await callAt(clinic.clinicId, '2026-11-26T20:00:00.000Z', '4002');
  world.setNow('2026-11-26T19:00:00.000Z');
  return { clinic, due, ahead };
}

const dialsOf = (callId: string) => world.simulator.callLog().filter((c) => c.metadata.call_id === callId).length;

describe('holdRestoredCalls (DynamoDB Local, scheduler emulator, Retell simulator)', () => {
  it('holds exactly the scheduled calls already due, for review, and neither the dialer nor the reconciler dials them', async () => {
    const { due, ahead } = await restoredTable();

    const report = await holdRestoredCalls(world.deps, { restoredTo: RESTORED_TO });

    expect(report).toEqual({ held: [due.callId], alreadyHeld: [], changedMeanwhile: [] });
    expect(await world.deps.calls.get(due.callId)).toMatchObject({
      status: 'scheduled',
      statusCode: 'held_for_review',
      attention: 'review',
      attentionReasons: ['restored_from_backup'],
    });
    expect(await world.deps.calls.get(ahead.callId)).toMatchObject({ status: 'scheduled', attention: 'none' });
    expect((await world.deps.calls.get(ahead.callId))!.statusCode).toBeUndefined();
    const history = await world.deps.calls.listEvents(due.callId);
    expect(history.filter((e) => e.type === 'held_for_review')).toEqual([
      expect.objectContaining({ detail: { attempt: 1, restoredTo: RESTORED_TO.toISOString() } }),
    ]);

    expect(await dialDueCall(world.deps, { callId: due.callId, attempt: 1, dueAt: due.scheduledFor })).toBe('held');
    world.setNow('2026-11-26T19:20:00.000Z');
    expect((await reconcileCalls(world.deps)).actions).toEqual([]);
    expect(dialsOf(due.callId)).toBe(0);
    expect((await world.deps.slots!.snapshot()).inUse).toBe(0);
    expect(await world.deps.calls.get(due.callId)).toMatchObject({ status: 'scheduled', statusCode: 'held_for_review' });
  });

  it('a second run of the same restore holds nothing new', async () => {
    const { due } = await restoredTable();
    await holdRestoredCalls(world.deps, { restoredTo: RESTORED_TO });

    const again = await holdRestoredCalls(world.deps, { restoredTo: RESTORED_TO });

    expect(again).toEqual({ held: [], alreadyHeld: [due.callId], changedMeanwhile: [] });
    expect((await world.deps.calls.listEvents(due.callId)).filter((e) => e.type === 'held_for_review')).toHaveLength(1);
  });

  it('a held call that staff move to a new time leaves the hold and is dialled then', async () => {
    const { clinic, due } = await restoredTable();
    await holdRestoredCalls(world.deps, { restoredTo: RESTORED_TO });

    const moved = await rescheduleCall(world.deps, clinic.clinicId, due.callId, '2026-11-26T19:30:00.000Z');

    expect(moved).toMatchObject({ status: 'scheduled', scheduledFor: '2026-11-26T19:30:00.000Z', attention: 'none', attentionReasons: [] });
    expect(moved.statusCode).toBeUndefined();
    world.setNow('2026-11-26T19:30:00.000Z');
    expect(await dialDueCall(world.deps, { callId: due.callId, attempt: 1, dueAt: moved.scheduledFor })).toBe('dialed');
    expect(dialsOf(due.callId)).toBe(1);
  });

  it('a dry run reports the calls it would hold and writes nothing', async () => {
    const { due } = await restoredTable();

    const report = await holdRestoredCalls(world.deps, { restoredTo: RESTORED_TO, dryRun: true });

    expect(report).toEqual({ held: [due.callId], alreadyHeld: [], changedMeanwhile: [] });
    expect(await world.deps.calls.get(due.callId)).toMatchObject({ status: 'scheduled', attention: 'none' });
    expect((await world.deps.calls.listEvents(due.callId)).map((e) => e.type)).not.toContain('held_for_review');
  });
});
