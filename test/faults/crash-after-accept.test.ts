import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScaledClock } from '@vfc/backend/adapters/clock/scaled-clock';
import { startRetellSimulator, type RetellSimulator } from '@vfc/backend/local/retell-simulator/index';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { createBurst, settle } from './support/burst-harness.js';

/**
 * Our stack dies in the one window where a second ring could come from: Retell (the simulator, which keeps running)
 * has accepted the create-phone-call and the call rings, but the dialer never stores Retell's call id. After the
 * restart the reconciler must find that call at Retell (list-calls on our metadata) and adopt it, not dial again.
 */
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

describe('crash after the provider accepted the call', () => {
  it('the attempt is adopted after the restart: exactly one provider call for it, and the call completes at attempt 1', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vfc-crash-accept-'));
    const timeOriginMs = Date.now();
    const clock = createScaledClock({ scale: 60, originMs: timeOriginMs });
    simulator = await startRetellSimulator({ apiKey: KEY, ringMs: 200, callDurationMs: 800, analysisDelayMs: 100, now: clock.nowMs });
    const options = {
      dataDir,
      simulator,
      simulatorApiKey: KEY,
      staffToken: STAFF,
      adminToken: ADMIN,
      timeScale: 60,
      timeOriginMs,
      retellTimeoutMs: 1_500,
      reconcileSchedule: 'rate(1 minute)',
      reconcile: { unendedAfterMs: 10 * 60_000, dialingWithoutIdAfterMs: 5 * 60_000, overdueAfterMs: 5 * 60_000 },
    } as const;
    const first = await startLocalStack(options);
    stack = first;
    let crashed!: () => void;
    const crash = new Promise<void>((resolve) => (crashed = resolve));
    simulator.afterNextAccept(async () => {
      await first.kill(); // the call exists at Retell; our stack dies before it hears the 201
      stack = undefined;
      crashed();
    });
    const burst = await createBurst(first, 1, { leadMs: 60_000, offset: 700 });
    const [callId] = burst.callIds;
    await crash;

    stack = await startLocalStack({ ...options, port: first.apiPort, dynamoDbPort: first.dynamoDbPort, schedulerPort: first.schedulerPort });
    const [call] = await settle(stack, burst, 90_000);

    const forAttempt = simulator.callLog().filter((r) => r.metadata.call_id === callId && Number(r.metadata.attempt) === 1);
    expect(forAttempt).toHaveLength(1);
    expect(simulator.callLog().filter((r) => r.metadata.call_id === callId)).toHaveLength(1);
    expect(call).toMatchObject({ status: 'completed', attempt: 1, retellCallId: forAttempt[0]!.call_id });
  });
});
