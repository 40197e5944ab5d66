import { afterAll, describe, expect, it } from 'vitest';
import { checkInvariants, createBurst, settle } from './support/burst-harness.js';
import { createCrashRig, type CrashRig } from './support/crash-rig.js';
import { pollUntil } from '../support/api.js';

/**
 * The whole local stack is killed in the middle of a burst (DynamoDB Local's process killed, API and scheduler closed
 * without waiting for running work) and started again on the same folder and ports. Retell (the simulator) keeps
 * running, as the real one would: its webhooks sent while we are down fail and are lost.
 */
const LIMIT = 5;
const CALLS = 30;
let rig: CrashRig | undefined;
afterAll(() => rig?.stop());

describe('crash and restart mid-burst', () => {
  it('loses no call and no schedule, dials no attempt twice, and every call ends', async () => {
    rig = await createCrashRig('crash', LIMIT);
    const { simulator } = rig;
    const first = await rig.start();
    const burst = await createBurst(first, CALLS, { leadMs: 5 * 60_000, offset: 0 });
    const mine = new Set(burst.callIds);

    // Mid-burst: a third of the calls placed, the line still long.
    const placed = () => simulator.callLog().filter((r) => mine.has(String(r.metadata.call_id))).length;
    await pollUntil(async () => placed(), (n) => n >= CALLS / 3, { timeoutMs: 60_000, intervalMs: 50, describe: (n) => `${n} calls placed` });
    const schedulesBefore = first.scheduler.schedules().length;
    expect(schedulesBefore).toBeGreaterThan(0); // the kill lands while schedules are pending (the recurring ones at least)
    const deliveredBefore = simulator.webhookDeliveries().length;
    await rig.kill();
    // While we are down, a webhook Retell sends is lost: wait until one has failed every retry, and for the rest in flight.
    await pollUntil(
      async () => simulator.webhookDeliveries().slice(deliveredBefore).filter((d) => !d.delivered).length,
      (lost) => lost > 0,
      { timeoutMs: 30_000, intervalMs: 50, describe: () => 'no webhook failed while the stack was down' },
    );
    await simulator.webhooksSettled();

    const second = await rig.restart();
    expect(second.scheduler.schedules().length).toBeGreaterThan(0); // restored from the data folder, not empty

    const calls = await settle(second, burst, 150_000);
    const report = await checkInvariants(second, simulator, burst, calls, LIMIT);
    expect(report.missing).toEqual([]);
    expect(report.stuck).toEqual([]);
    expect(report.dialledTwice).toEqual([]);
    expect(report.inconsistent).toEqual([]);
    expect(report.peakConcurrency).toBeLessThanOrEqual(LIMIT); // never more than the limit
    expect(calls.filter((c) => c!.status !== 'completed').map((c) => [c!.callId, c!.status, c!.statusReason])).toEqual([]);
  });
});
