/**
 * Fault modes of the Retell simulator — OFF by default (every rate 0). Each rate is a probability 0..1 drawn per request
 * or per webhook. They stand in for what the real service does on a bad day (docs/retell.md): 429 at the
 * workspace limit, 500s, requests that never answer, and webhooks that are retried (duplicates), overtaken, late or lost.
 */
export interface SimulatorFaults {
  /** create-phone-call answered 429 "Account rate limited" (no call created). */
  createCall429Rate?: number;
  /** create-phone-call answered 500 (no call created). */
  createCall500Rate?: number;
  /** create-phone-call never answered: the connection is held {@link createCallTimeoutMs} then dropped; no call created. */
  createCallTimeoutRate?: number;
  /** How long a "timeout" request hangs before the socket is destroyed, real ms (default 20 000; clients time out first). */
  createCallTimeoutMs?: number;
  /** The webhook is delivered twice (the second copy right after the first). */
  webhookDuplicateRate?: number;
  /** The webhook leaves the call's ordered chain and is sent {@link webhookOutOfOrderDelayMs} later, after the next one. */
  webhookOutOfOrderRate?: number;
  /** Real ms an out-of-order webhook is held back (default 1 000). */
  webhookOutOfOrderDelayMs?: number;
  /** The webhook (and, since they are ordered, the call's later ones) waits {@link webhookLateMs} first. */
  webhookLateRate?: number;
  /** Real ms of a late webhook's delay (default 3 000). */
  webhookLateMs?: number;
  /** The webhook is never sent (as if every retry failed). */
  webhookDropRate?: number;
  /** Randomness (default Math.random); inject for deterministic tests. */
  random?: () => number;
}

/** What the simulator injected so far. */
export interface FaultCounts {
  createCall429: number;
  createCall500: number;
  createCallTimeout: number;
  webhookDuplicated: number;
  webhookOutOfOrder: number;
  webhookLate: number;
  webhookDropped: number;
}

/** The fault (if any) for one create-phone-call request. */
export type CreateCallFault = '429' | '500' | 'timeout' | undefined;

/** The faults for one webhook. */
export interface WebhookFault {
  drop: boolean;
  duplicate: boolean;
  /** Real ms to hold it back outside the call's chain (0 = in order). */
  outOfOrderMs: number;
  /** Real ms to wait, in order, before sending (0 = on time). */
  lateMs: number;
}

/** Draws faults from the configured rates and counts what it injected. */
export class FaultPlan {
  private faults: SimulatorFaults = {};
  private readonly counts: FaultCounts = {
    createCall429: 0,
    createCall500: 0,
    createCallTimeout: 0,
    webhookDuplicated: 0,
    webhookOutOfOrder: 0,
    webhookLate: 0,
    webhookDropped: 0,
  };

  constructor(faults: SimulatorFaults = {}) {
    this.set(faults);
  }

  /** Replaces the fault configuration (`{}` turns every fault off). */
  set(faults: SimulatorFaults): void {
    for (const [name, value] of Object.entries(faults)) {
      if (name.endsWith('Rate') && (typeof value !== 'number' || value < 0 || value > 1)) throw new RangeError(`${name} must be within 0..1`);
    }
    this.faults = { ...faults };
  }

  get timeoutMs(): number {
    return this.faults.createCallTimeoutMs ?? 20_000;
  }

  createCall(): CreateCallFault {
    if (this.draw(this.faults.createCall429Rate)) return void (this.counts.createCall429 += 1), '429';
    if (this.draw(this.faults.createCall500Rate)) return void (this.counts.createCall500 += 1), '500';
    if (this.draw(this.faults.createCallTimeoutRate)) return void (this.counts.createCallTimeout += 1), 'timeout';
    return undefined;
  }

  webhook(): WebhookFault {
    const fault: WebhookFault = { drop: false, duplicate: false, outOfOrderMs: 0, lateMs: 0 };
    if (this.draw(this.faults.webhookDropRate)) {
      this.counts.webhookDropped += 1;
      return { ...fault, drop: true };
    }
    if (this.draw(this.faults.webhookDuplicateRate)) {
      this.counts.webhookDuplicated += 1;
      fault.duplicate = true;
    }
    if (this.draw(this.faults.webhookOutOfOrderRate)) {
      this.counts.webhookOutOfOrder += 1;
      fault.outOfOrderMs = this.faults.webhookOutOfOrderDelayMs ?? 1_000;
    } else if (this.draw(this.faults.webhookLateRate)) {
      this.counts.webhookLate += 1;
      fault.lateMs = this.faults.webhookLateMs ?? 3_000;
    }
    return fault;
  }

  injected(): FaultCounts {
    return { ...this.counts };
  }

  private draw(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && (this.faults.random ?? Math.random)() < rate;
  }
}
