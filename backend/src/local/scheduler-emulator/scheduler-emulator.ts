import { startHttpServer } from '../emulator-kit/http-server.js';
import { createRouter } from '../emulator-kit/router.js';
import { FiringEngine, type DeadLetter, type InvocationRecord, type InvokeTarget } from './firing-engine.js';
import { schedulerRoutes, unknownOperation } from './scheduler-routes.js';
import { ScheduleFile } from './schedule-file.js';
import { ScheduleStore } from './schedule-store.js';

export type { DeadLetter, InvocationMeta, InvocationRecord, InvokeTarget, TargetInvocation } from './firing-engine.js';

/** Options of {@link startSchedulerEmulator}. */
export interface SchedulerEmulatorOptions {
  /** Delivers a due schedule's event to its target (the local stack maps ARNs to in-process handlers). */
  invoke: InvokeTarget;
  /** TCP port on 127.0.0.1; 0 or absent = a free one. */
  port?: number;
  /** Emulator clock, UTC epoch ms. Overrides `timeScale`. Default: real time (scaled by `timeScale`). */
  now?: () => number;
  /** Poll period of the background firing loop, real ms (default 250). 0 disables it: call `fireDue()` yourself. */
  tickMs?: number;
  /** With the default clock: emulated ms per real ms (e.g. 60 = one emulated minute per real second). Default 1. */
  timeScale?: number;
  /** Fault mode: probability 0..1 that a firing is delivered twice, concurrently. Default 0. */
  duplicateDeliveryRate?: number;
  /** Randomness for duplicate delivery (default Math.random); inject for deterministic tests. */
  random?: () => number;
  /** First retry delay after a failed invocation, real ms (default 50), doubling per retry up to 1000. */
  retryBackoffMs?: number;
  /**
   * File-backed mode: schedules are loaded from this JSON file at start and saved to it after changes, so a restarted
   * emulator has every schedule (and re-delivers a delivery the restart cut short). Absent = in memory only.
   */
  stateFile?: string;
}

/** A schedule as tests see it. Times are UTC epoch ms on the emulator clock. */
export interface ScheduleSnapshot {
  name: string;
  groupName: string;
  arn: string;
  scheduleExpression: string;
  scheduleExpressionTimezone: string | undefined;
  state: 'ENABLED' | 'DISABLED';
  targetArn: string;
  input: string | undefined;
  actionAfterCompletion: 'NONE' | 'DELETE';
  nextFireMs: number | undefined;
  firedCount: number;
}

/** A running EventBridge Scheduler emulator. */
export interface SchedulerEmulator {
  /** Endpoint for `new SchedulerClient({ endpoint: url, region: 'us-east-1', credentials })`. */
  url: string;
  /** The emulator clock (UTC epoch ms). */
  now(): number;
  /** Fires everything due now and resolves when those deliveries (retries included) finish; returns how many fired. */
  fireDue(): Promise<number>;
  /** Resolves when no delivery is running (including those started by the background loop). */
  idle(): Promise<void>;
  /** Current schedules, sorted by group/name. */
  schedules(): ScheduleSnapshot[];
  /** Deliveries that exhausted their RetryPolicy (what AWS would put on the dead-letter queue). */
  deadLetters(): DeadLetter[];
  /** Every invocation attempt so far. */
  invocations(): InvocationRecord[];
  /** Changes the duplicate-delivery fault rate (0..1) from now on. */
  setDuplicateDeliveryRate(rate: number): void;
  /** Stops the loop, stops retrying, waits for running invocations, closes the server. Idempotent. */
  stop(): Promise<void>;
  /**
   * A crash of the local stack: stops the loop and closes the server at once, without waiting for running deliveries
   * (they are saved as in flight and delivered again by the next emulator on the same `stateFile`).
   */
  crash(): Promise<void>;
}

/**
 * Starts an EventBridge Scheduler emulator speaking the Scheduler REST API (restJson1) as
 * @aws-sdk/client-scheduler sends it: Create/Update/Get/Delete/ListSchedules and Create/Get/DeleteScheduleGroup.
 * Supports `at()`, `rate()` and `cron()` expressions with ScheduleExpressionTimezone; see README.md.
 */
export async function startSchedulerEmulator(options: SchedulerEmulatorOptions): Promise<SchedulerEmulator> {
  const now = options.now ?? scaledClock(options.timeScale ?? 1);
  const store = new ScheduleStore(now);
  const file = options.stateFile ? new ScheduleFile(options.stateFile, store) : undefined;
  file?.attach();
  const engine = new FiringEngine({
    store,
    invoke: options.invoke,
    now,
    duplicateDeliveryRate: options.duplicateDeliveryRate ?? 0,
    random: options.random ?? Math.random,
    retryBackoffMs: options.retryBackoffMs ?? 50,
    maxRetryBackoffMs: 1_000,
  });
  const server = await startHttpServer(createRouter(schedulerRoutes(store), unknownOperation), options.port ?? 0);

  const tickMs = options.tickMs ?? 250;
  const timer = tickMs > 0 ? setInterval(() => void engine.fireDue(), tickMs) : undefined;
  timer?.unref();
  let stopped: Promise<void> | undefined;

  return {
    url: server.url,
    now,
    fireDue: () => engine.fireDue(),
    idle: () => engine.idle(),
    schedules: () =>
      store.list().map((s) => ({
        name: s.name,
        groupName: s.groupName,
        arn: s.arn,
        scheduleExpression: s.request.ScheduleExpression,
        scheduleExpressionTimezone: s.request.ScheduleExpressionTimezone,
        state: s.request.State ?? 'ENABLED',
        targetArn: s.request.Target.Arn,
        input: s.request.Target.Input,
        actionAfterCompletion: s.request.ActionAfterCompletion ?? 'NONE',
        nextFireMs: s.nextFireMs,
        firedCount: s.firedCount,
      })),
    deadLetters: () => engine.deadLetters(),
    invocations: () => engine.invocations(),
    setDuplicateDeliveryRate: (rate) => engine.setDuplicateDeliveryRate(rate),
    stop: () =>
      (stopped ??= (async () => {
        if (timer) clearInterval(timer);
        await engine.stop();
        file?.flush();
        file?.detach();
        await server.stop();
      })()),
    crash: () =>
      (stopped ??= (async () => {
        if (timer) clearInterval(timer);
        engine.abandon();
        // The real scheduler is a durable service: what it accepted survives OUR crash, so its state is saved as it is.
        file?.flush();
        file?.detach();
        await server.stop();
      })()),
  };
}

/** Real time running `scale` times faster from the moment of creation. */
function scaledClock(scale: number): () => number {
  const origin = Date.now();
  return () => origin + (Date.now() - origin) * scale;
}
