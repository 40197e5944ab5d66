import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localSecretStore } from '../../adapters/secrets/memory-secret-store.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';
import { dialDueCall } from '../dial-due-call.js';
import { scheduleCall } from '../schedule-call.js';
import { updateCall } from '../update-call.js';
import { reconcileCalls } from './reconcile-calls.js';

let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-11-23T17:00:00.000Z');
});
afterAll(() => world?.stop());

let n = 0;
async function dueCall(clinicId: string) {
  n += 1;
  const { call } = await scheduleCall(world.deps, {
    clinicId,
    request: {
      consultationId: String(5000 + n),
      petName: 'Rex',
      ownerName: 'Ana',
      phoneNumber: `+1415555${String(3000 + n)}`,
      scheduledFor: world.deps.clock.now().toISOString(),
    },
  });
  return call;
}
const at = (iso: string) => world.setNow(iso);

describe('reconcileCalls (DynamoDB Local, scheduler emulator, Retell simulator)', () => {
  it('a dialled call whose webhooks never came is ended from Retell get-call after the max call duration, and its slot freed', async () => {
    at('2026-11-23T17:00:00.000Z');
    const clinic = await world.putClinic({ clinicId: 'reconcile-a' });
    const call = await dueCall(clinic.clinicId);
    expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('dialed');
    expect((await world.deps.slots!.snapshot()).inUse).toBe(1);
    // Wait for the simulated call to end at Retell (no webhook URL: nothing tells us — only Retell's get-call knows).
    await vi.waitFor(
      () => expect(world.simulator.callLog().find((c) => c.metadata.call_id === call.callId)?.endedAtMs).toBeTypeOf('number'),
      { timeout: 10_000, interval: 50 },
    );

    at('2026-11-23T17:30:00.000Z');
    expect((await reconcileCalls(world.deps)).actions).toEqual([]); // not overdue yet: calls may last an hour
    at('2026-11-23T18:10:00.000Z');
    const report = await reconcileCalls(world.deps);
    expect(report.actions).toEqual([{ callId: call.callId, attempt: 1, action: 'ended_from_provider' }]);
    expect(await world.deps.calls.get(call.callId)).toMatchObject({ status: 'completed', outcome: { disconnectionReason: 'user_hangup' } });
    expect((await world.deps.slots!.snapshot()).inUse).toBe(0);
  });

  it('a call left in dialing without a Retell call_id (crash mid-dial) ends that attempt as unknown and is retried as the next one', async () => {
    at('2026-11-24T17:00:00.000Z');
    const clinic = await world.putClinic({ clinicId: 'reconcile-b' });
    const call = await dueCall(clinic.clinicId);
    await updateCall(world.deps, call.callId, (c) => ({
      next: { ...c, status: 'dialing', attempts: c.attempts.map((a) => ({ ...a, dialedAt: '2026-11-24T17:00:00.000Z' })) },
    }));
    at('2026-11-24T17:02:00.000Z');
    expect((await reconcileCalls(world.deps)).actions).toEqual([]); // within the 5-minute grace: maybe still in flight
    at('2026-11-24T17:06:00.000Z');
    const report = await reconcileCalls(world.deps);
    expect(report.actions).toEqual([{ callId: call.callId, attempt: 1, action: 'ended_unknown' }]);
    const after = await world.deps.calls.get(call.callId);
    expect(after).toMatchObject({ status: 'scheduled', attempt: 2, scheduledFor: '2026-11-24T17:11:00.000Z' });
    expect(after!.attempts[0]).toMatchObject({ attempt: 1, disconnectionReason: 'error_unknown', verdict: 'retry' });
    expect(world.scheduler.schedules().map((s) => s.name)).toContain(after!.scheduleName);
  });

  it('a call left in dialing without a call_id that Retell DID accept (crash after accept) is adopted, not redialled', async () => {
    at('2026-11-26T17:00:00.000Z');
    const clinic = await world.putClinic({ clinicId: 'reconcile-d' });
    const call = await dueCall(clinic.clinicId);
    await updateCall(world.deps, call.callId, (c) => ({
      next: { ...c, status: 'dialing', attempts: c.attempts.map((a) => ({ ...a, dialedAt: '2026-11-26T17:00:00.000Z' })) },
    }));
    // The dialer's create-phone-call reached Retell, then the dialer died before storing the answer.
    const { providerCallId } = await world.deps.voice.placeCall({
      fromNumber: clinic.fromNumber,
      toNumber: call.phoneNumber,
      agentId: clinic.agentId,
      metadata: { call_id: call.callId, attempt: 1, clinic_id: clinic.clinicId, voice_account: 'retell:platform' },
      dynamicVariables: {},
    });
    at('2026-11-26T17:06:00.000Z');
    // (Calls of the earlier tests in this file may be reconciled in the same pass: only this call's actions count.)
    const report = await reconcileCalls(world.deps);
    expect(report.actions.filter((a) => a.callId === call.callId)).toEqual([{ callId: call.callId, attempt: 1, action: 'adopted_from_provider' }]);
    const after = await world.deps.calls.get(call.callId);
    expect(after).toMatchObject({ attempt: 1, retellCallId: providerCallId });
    expect(after!.attempts).toHaveLength(1);
    expect(after!.attempts[0]).toMatchObject({ retellCallId: providerCallId });
    // A second pass finds the id stored: no second adoption, no new attempt, and still exactly one provider call.
    at('2026-11-26T17:12:00.000Z');
    expect((await reconcileCalls(world.deps)).actions.filter((a) => a.callId === call.callId)).toEqual([]);
    expect(world.simulator.stats().callsByToNumber[call.phoneNumber]).toBe(1);
  });

  it("a call placed on a clinic's own Retell workspace is ended from THAT workspace's get-call, never the platform's slots", async () => {
    at('2026-11-27T17:00:00.000Z');
    const ownKey = 'sim_clinic_reconcile_key';
    const workspace = world.simulator.workspace(ownKey) ?? world.simulator.addWorkspace({ apiKey: ownKey, numbers: ['+14155557777'] });
    await localSecretStore.putClinicKey('reconcile-own', ownKey);
    const clinic = await world.putClinic({
      clinicId: 'reconcile-own',
      voice: { provider: 'retell', account: 'clinic', fromNumber: '+14155557777', agentId: 'agent_own', concurrencyLimit: 2, status: 'ok' },
    });
    const call = await dueCall(clinic.clinicId);
    const platformInUse = (await world.deps.slots!.snapshot()).inUse;
    expect(await dialDueCall(world.deps, { callId: call.callId, attempt: 1 })).toBe('dialed');
    expect((await world.deps.slots!.snapshot()).inUse).toBe(platformInUse);
    await vi.waitFor(() => expect(workspace.callLog().find((c) => c.metadata.call_id === call.callId)?.endedAtMs).toBeTypeOf('number'), {
      timeout: 10_000,
      interval: 50,
    });
    at('2026-11-27T18:10:00.000Z');
    const report = await reconcileCalls(world.deps);
    expect(report.actions.filter((a) => a.callId === call.callId)).toEqual([{ callId: call.callId, attempt: 1, action: 'ended_from_provider' }]);
    expect(await world.deps.calls.get(call.callId)).toMatchObject({ status: 'completed', attempts: [{ voiceAccount: 'retell:clinic:reconcile-own' }] });
    expect(world.simulator.callLog().filter((c) => c.metadata.call_id === call.callId)).toEqual([]);
  });

  it('an overdue scheduled call that lost its firing joins the line and is dialled; a waiting one is left alone', async () => {
    at('2026-11-25T17:00:00.000Z');
    const clinic = await world.putClinic({ clinicId: 'reconcile-c' });
    const call = await dueCall(clinic.clinicId);
    at('2026-11-25T17:10:00.000Z');
    const report = await reconcileCalls(world.deps);
    expect(report.actions).toContainEqual({ callId: call.callId, attempt: 1, action: 'requeued_overdue' });
    expect((await world.deps.calls.get(call.callId))?.status).toBe('dialing');
    expect(world.simulator.stats().callsByToNumber[call.phoneNumber]).toBe(1);
  });
});

describe('reconcileCalls: the dial line as measured after the run', () => {
  it('reports how many calls wait for a slot and how long the earliest has waited since its due time', async () => {
    at('2026-12-01T17:00:00.000Z');
    const slots = world.deps.slots!;
    const nowMs = Date.parse('2026-12-01T17:00:00.000Z');
    // A first run at this instant settles whatever earlier tests left (stale leases freed, stuck calls ended).
    await reconcileCalls(world.deps);
    // Every free slot held (fresh leases, so the run keeps them), and one call due 7 minutes ago waiting behind them.
    const free = slots.limit - (await slots.snapshot()).inUse;
    const holders = Array.from({ length: free }, (_, i) => ({ clinicId: 'line-clinic', callId: `line-holder-${i}`, attempt: 1, dueAt: '2026-12-01T16:50:00.000Z' }));
    for (const dial of holders) await slots.enqueue(dial);
    expect(await slots.take(nowMs, 3_600_000, free)).toHaveLength(free);
    await slots.enqueue({ clinicId: 'line-clinic', callId: 'line-waiter', attempt: 1, dueAt: '2026-12-01T16:53:00.000Z' });

    const report = await reconcileCalls(world.deps);
    expect(report.line).toEqual({ length: 1, oldestWaitMs: 7 * 60_000, slotsInUse: slots.limit });

    // Leave the line as found: free the holders, take the waiter's place and free it too.
    for (const dial of holders) await slots.release(dial.callId, 1);
    expect(await slots.take(nowMs, 1_000, 1)).toEqual([{ clinicId: 'line-clinic', callId: 'line-waiter', attempt: 1, dueAt: '2026-12-01T16:53:00.000Z' }]);
    await slots.release('line-waiter', 1);
  });
});
