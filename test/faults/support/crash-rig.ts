import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScaledClock } from '@vfc/backend/adapters/clock/scaled-clock';
import { startRetellSimulator, type RetellSimulator } from '@vfc/backend/local/retell-simulator/index';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '@vfc/backend/local/stack';

/** Virtual ms per real ms of a crash test (5-minute reconcile thresholds pass in 5 real seconds). */
const SCALE = 60;

/**
 * A local stack that can be killed and started again on the same data folder and ports, beside a Retell simulator
 * that keeps running through the crash (as the real Retell would). `stack` is the stack currently up (none between
 * a kill and the restart); `stop()` stops whatever is up and removes the data folder.
 */
export interface CrashRig {
  readonly simulator: RetellSimulator;
  stack: LocalStack | undefined;
  /** Starts the first stack. */
  start(): Promise<LocalStack>;
  /** Kills the running stack without waiting for its work (DynamoDB Local's process killed, servers closed). */
  kill(): Promise<void>;
  /** Starts a stack again on the first one's folder and ports (schedules and data restored from disk). */
  restart(): Promise<LocalStack>;
  stop(): Promise<void>;
}

/**
 * Sets up a {@link CrashRig}: a simulator on the rig's scaled clock (200 ms ring, 800 ms call, 100 ms analysis,
 * virtual ms), reconcile every virtual minute with 5-minute thresholds, a Retell timeout of 1.5 s.
 * @param name - prefix of the temporary data folder.
 * @param concurrencyLimit - the simulated workspace's limit (and the stack's slot count); the defaults when absent.
 */
export async function createCrashRig(name: string, concurrencyLimit?: number): Promise<CrashRig> {
  const dataDir = await mkdtemp(join(tmpdir(), `vfc-${name}-`));
  const apiKey = `sim_${crypto.randomUUID().replaceAll('-', '')}`;
  const timeOriginMs = Date.now();
  const clock = createScaledClock({ scale: SCALE, originMs: timeOriginMs });
  const limit = concurrencyLimit === undefined ? {} : { concurrencyLimit };
  const simulator = await startRetellSimulator({ apiKey, ringMs: 200, callDurationMs: 800, analysisDelayMs: 100, now: clock.nowMs, ...limit });
  const options: LocalStackOptions = {
    dataDir,
    simulator,
    simulatorApiKey: apiKey,
    staffToken: `vfc_${crypto.randomUUID()}`,
    adminToken: `vfc_${crypto.randomUUID()}`,
    timeScale: SCALE,
    timeOriginMs,
    retellTimeoutMs: 1_500,
    reconcileSchedule: 'rate(1 minute)',
    reconcile: { unendedAfterMs: 10 * 60_000, dialingWithoutIdAfterMs: 5 * 60_000, overdueAfterMs: 5 * 60_000 },
    ...limit,
  };
  let first: LocalStack | undefined;
  const rig: CrashRig = {
    simulator,
    stack: undefined,
    async start() {
      first = await startLocalStack(options);
      rig.stack = first;
      return first;
    },
    async kill() {
      const running = rig.stack;
      rig.stack = undefined;
      await running?.kill();
    },
    async restart() {
      if (!first) throw new Error('restart() before start()');
      rig.stack = await startLocalStack({ ...options, port: first.apiPort, dynamoDbPort: first.dynamoDbPort, schedulerPort: first.schedulerPort });
      return rig.stack;
    },
    async stop() {
      await rig.stack?.stop();
      await simulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}
