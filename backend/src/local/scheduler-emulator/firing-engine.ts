import { randomUUID } from 'node:crypto';
import { DEFAULT_RETRY_POLICY } from './schedule-request.js';
import { nextFireAfterFiring, type ScheduleStore, type StoredSchedule } from './schedule-store.js';

/** What a schedule's target receives: its ARN and the schedule's `Target.Input` (`{}` when it has none). */
export interface TargetInvocation {
  arn: string;
  input: string;
}

/** Extra facts about one delivery attempt (what AWS puts in its context attributes). */
export interface InvocationMeta {
  scheduleArn: string;
  scheduleName: string;
  groupName: string;
  /** When the schedule was due (UTC epoch ms on the emulator's clock). */
  scheduledTimeMs: number;
  /** 0 for the first try, then 1, 2, … for retries. */
  attempt: number;
  /** Same for every retry of one delivery; differs between the two copies of a duplicated delivery. */
  executionId: string;
}

/** Delivers one event to a target; throwing (or rejecting) counts as a failed invocation and is retried. */
export type InvokeTarget = (target: TargetInvocation, meta: InvocationMeta) => Promise<void>;

/** A delivery that used up its RetryPolicy, as the real service would send it to the dead-letter queue. */
export interface DeadLetter {
  scheduleArn: string;
  scheduleName: string;
  groupName: string;
  targetArn: string;
  /** `Target.DeadLetterConfig.Arn`, when the schedule had one. */
  deadLetterArn: string | undefined;
  input: string;
  errorMessage: string;
  /** Retries made after the first try (AWS's RETRY_ATTEMPTS attribute). */
  retryAttempts: number;
  executionId: string;
  scheduledTimeMs: number;
  /** When it was dead-lettered (emulator clock, UTC epoch ms). */
  atMs: number;
}

/** One invocation attempt, for tests. */
export interface InvocationRecord {
  scheduleName: string;
  groupName: string;
  targetArn: string;
  input: string;
  attempt: number;
  executionId: string;
  ok: boolean;
  errorMessage?: string;
  atMs: number;
}

/** Options of {@link FiringEngine}. */
export interface FiringEngineOptions {
  store: ScheduleStore;
  invoke: InvokeTarget;
  /** The emulator clock (UTC epoch ms). */
  now: () => number;
  /** Probability 0..1 that a firing is delivered twice (concurrently). */
  duplicateDeliveryRate: number;
  /** Source of randomness for duplicate delivery (default Math.random). */
  random: () => number;
  /** First retry delay in real ms; doubles per retry up to `maxRetryBackoffMs`. */
  retryBackoffMs: number;
  maxRetryBackoffMs: number;
}

/**
 * Fires due schedules into the injected target, with AWS's retry policy, dead-lettering, one-time schedule
 * completion (ActionAfterCompletion DELETE) and an optional duplicate-delivery fault.
 */
export class FiringEngine {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly dead: DeadLetter[] = [];
  private readonly log: InvocationRecord[] = [];
  private stopping = false;
  private abandoned = false;

  constructor(private readonly options: FiringEngineOptions) {}

  /**
   * Fires every ENABLED schedule due at or before now and resolves when those deliveries (with their retries)
   * have finished.
   * @returns how many schedules fired.
   */
  async fireDue(): Promise<number> {
    const nowMs = this.options.now();
    const due = this.options.store
      .list()
      .filter((s) => (s.request.State ?? 'ENABLED') === 'ENABLED' && s.nextFireMs !== undefined && s.nextFireMs <= nowMs);
    const runs = due.map((schedule) => this.track(this.fire(schedule, nowMs)));
    await Promise.all(runs);
    return due.length;
  }

  /** Resolves once no delivery is running (including ones started by the poller). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops retrying (pending retries give up silently) and waits for running invocations. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  /** A crash: stops at once without waiting; deliveries still running are left marked as in flight. */
  abandon(): void {
    this.stopping = true;
    this.abandoned = true;
  }

  /** Changes the duplicate-delivery fault rate (0..1). */
  setDuplicateDeliveryRate(rate: number): void {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError('duplicateDeliveryRate must be within 0..1');
    this.options.duplicateDeliveryRate = rate;
  }

  deadLetters(): DeadLetter[] {
    return [...this.dead];
  }

  invocations(): InvocationRecord[] {
    return [...this.log];
  }

  private track(run: Promise<void>): Promise<void> {
    this.inFlight.add(run);
    return run.finally(() => this.inFlight.delete(run));
  }

  private async fire(schedule: StoredSchedule, nowMs: number): Promise<void> {
    const scheduledTimeMs = schedule.nextFireMs ?? nowMs;
    schedule.firedCount += 1;
    schedule.lastFiredMs = nowMs;
    schedule.nextFireMs = nextFireAfterFiring(schedule, Math.max(nowMs, scheduledTimeMs));
    const revision = schedule.revision;
    schedule.deliveringMs = scheduledTimeMs;
    this.options.store.changed();
    const copies = this.options.random() < this.options.duplicateDeliveryRate ? 2 : 1;
    await Promise.all(Array.from({ length: copies }, () => this.deliver(schedule, scheduledTimeMs)));
    if (this.stopping && this.abandoned) return; // killed mid-delivery: the saved state still says "delivering"
    delete schedule.deliveringMs;
    this.options.store.changed();
    if (schedule.expression.kind === 'at' && schedule.request.ActionAfterCompletion === 'DELETE') {
      this.options.store.deleteIfUnchanged(schedule, revision);
    }
  }

  private async deliver(schedule: StoredSchedule, scheduledTimeMs: number): Promise<void> {
    const target = schedule.request.Target;
    const input = target.Input ?? '{}';
    const policy = { ...DEFAULT_RETRY_POLICY, ...target.RetryPolicy };
    const executionId = randomUUID();
    let lastError = '';
    let attempt = 0;
    for (; ; attempt += 1) {
      const meta: InvocationMeta = {
        scheduleArn: schedule.arn,
        scheduleName: schedule.name,
        groupName: schedule.groupName,
        scheduledTimeMs,
        attempt,
        executionId,
      };
      try {
        await this.options.invoke({ arn: target.Arn, input }, meta);
        this.record(schedule, target.Arn, input, attempt, executionId, true);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        this.record(schedule, target.Arn, input, attempt, executionId, false, lastError);
      }
      const tooOld = this.options.now() - scheduledTimeMs > policy.MaximumEventAgeInSeconds * 1000;
      if (attempt >= policy.MaximumRetryAttempts || tooOld) break;
      if (this.stopping) return;
      await sleep(Math.min(this.options.retryBackoffMs * 2 ** attempt, this.options.maxRetryBackoffMs));
      if (this.stopping) return;
    }
    this.dead.push({
      scheduleArn: schedule.arn,
      scheduleName: schedule.name,
      groupName: schedule.groupName,
      targetArn: target.Arn,
      deadLetterArn: target.DeadLetterConfig?.Arn,
      input,
      errorMessage: lastError,
      retryAttempts: attempt,
      executionId,
      scheduledTimeMs,
      atMs: this.options.now(),
    });
  }

  private record(
    schedule: StoredSchedule,
    targetArn: string,
    input: string,
    attempt: number,
    executionId: string,
    ok: boolean,
    errorMessage?: string,
  ): void {
    this.log.push({
      scheduleName: schedule.name,
      groupName: schedule.groupName,
      targetArn,
      input,
      attempt,
      executionId,
      ok,
      ...(errorMessage === undefined ? {} : { errorMessage }),
      atMs: this.options.now(),
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
