import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScaledClock } from '@vfc/backend/adapters/clock/scaled-clock';
import { startRetellSimulator, type RetellSimulator } from '@vfc/backend/local/retell-simulator/index';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { checkInvariants, createBurst, settle } from './support/burst-harness.js';

/**
 * The whole local stack is killed in the middle of a burst (DynamoDB Local's process killed, API and scheduler closed
 * without waiting for running work) and started again on the same folder and ports. Retell (the simulator) keeps
 * running, as the real one would: its webhooks sent while we are down fail and are lost.
 */
const LIMIT = 5;
const CALLS = 30;
const KEY = `sim_${crypto.randomUUID().replaceAll('-', '')}`;
const STAFF = `vfc_${crypto.randomUUID()}`;
const ADMIN = `vfc_${crypto.randomUUID()}`;
let simulator: RetellSimulator | undefined;
let stack: LocalStack | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await stack?.stop();
  await simulator?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('crash and restart mid-burst', () => {
  it('loses no call and no schedule, dials no attempt twice, and every call ends', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vfc-crash-'));
    const timeOriginMs = Date.now();
    const clock = createScaledClock({ scale: 60, originMs: timeOriginMs });
    simulator = await startRetellSimulator({ apiKey: KEY, concurrencyLimit: LIMIT, ringMs: 200, callDurationMs: 800, analysisDelayMs: 100, now: clock.nowMs });
    const options = {
      dataDir,
      simulator,
      simulatorApiKey: KEY,
      staffToken: STAFF,
      adminToken: ADMIN,
      timeScale: 60,
      timeOriginMs,
      concurrencyLimit: LIMIT,
      retellTimeoutMs: 1_500,
      reconcileSchedule: 'rate(1 minute)',
      reconcile: { unendedAfterMs: 10 * 60_000, dialingWithoutIdAfterMs: 5 * 60_000, overdueAfterMs: 5 * 60_000 },
    } as const;
    const first = await startLocalStack(options);
    stack = first;
    const burst = await createBurst(first, CALLS, { leadMs: 5 * 60_000, offset: 0 });
    const mine = new Set(burst.callIds);

    // Mid-burst: a third of the calls placed, the line still long.
    const deadline = Date.now() + 60_000;
    while (simulator.callLog().filter((r) => mine.has(String(r.metadata.call_id))).length < CALLS / 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const schedulesBefore = first.scheduler.schedules().length;
    await first.kill();
    stack = undefined;
    await new Promise((r) => setTimeout(r, 1_500)); // webhooks sent now fail: Retell gives up after its retries

    const second = await startLocalStack({
      ...options,
      port: first.apiPort,
      dynamoDbPort: first.dynamoDbPort,
      schedulerPort: first.schedulerPort,
    });
    stack = second;
    expect(second.scheduler.schedules().length).toBeGreaterThanOrEqual(Math.min(schedulesBefore, 1)); // restored, not empty

    const calls = await settle(second, burst, 150_000);
    const report = await checkInvariants(second, simulator, burst, calls, LIMIT);
    expect(report.missing).toEqual([]);
    expect(report.stuck).toEqual([]);
    expect(report.dialledTwice).toEqual([]);
    expect(report.inconsistent).toEqual([]);
    expect(report.peakConcurrency).toBeLessThanOrEqual(LIMIT);
    expect(calls.filter((c) => c!.status !== 'completed').map((c) => [c!.callId, c!.status, c!.statusReason])).toEqual([]);
  });
});
