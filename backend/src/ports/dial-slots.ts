/**
 * The provider's concurrency, as slots we hold ourselves: a call is dialled only with a slot taken atomically
 * beforehand, and due calls that find every slot taken wait in a line instead of failing. The line is served
 * round-robin across clinics (each clinic's own calls earliest due first), so one clinic's burst cannot hold every
 * other clinic's calls behind it. One scope = one concurrency limit (the provider account every clinic in it shares).
 */

/** A due call attempt waiting for a slot. */
export interface WaitingDial {
  /** The clinic whose turn in the rotation this dial uses. */
  clinicId: string;
  callId: string;
  attempt: number;
  /** When the attempt fell due (UTC ISO): its place in its clinic's line (earliest first, then callId). */
  dueAt: string;
}

/** A slot held by one call attempt. */
export interface SlotLease {
  callId: string;
  attempt: number;
  /** When it was taken (UTC epoch ms, backend clock). */
  takenAtMs: number;
  /** When it may be reclaimed if nothing released it (UTC epoch ms, backend clock). */
  expiresAtMs: number;
}

/** What {@link DialSlots.snapshot} reports. */
export interface SlotsSnapshot {
  limit: number;
  /** No slot is handed out before this instant (UTC epoch ms; 0 = not paused): the provider answered 429. */
  pausedUntilMs: number;
  /** Slots held now (the counter the conditional writes check). */
  inUse: number;
  leases: SlotLease[];
  /** Waiting dials of every clinic, earliest due first (then callId). */
  waiting: WaitingDial[];
}

/** Slots and the waiting line (DynamoDB in AWS and locally). Every operation is atomic and idempotent. */
export interface DialSlots {
  /** The concurrency limit of this scope. */
  readonly limit: number;
  /** Puts the attempt in its clinic's line; putting it twice keeps one entry at the same place. */
  enqueue(dial: WaitingDial): Promise<void>;
  /** True when this attempt is waiting in the line (and will be served: its clinic is in the rotation). */
  isWaiting(dial: WaitingDial): Promise<boolean>;
  /**
   * Atomically removes waiting dials from the line AND takes a slot for each (lease until `nowMs + leaseMs`): at most
   * `max`, and never more than the free slots. Chosen round-robin across clinics, least recently served clinic first,
   * each clinic's earliest due call first.
   * @returns the dials in the order chosen; empty when no slot is free, the line is paused, or nobody waits.
   */
  take(nowMs: number, leaseMs: number, max?: number): Promise<WaitingDial[]>;
  /** Hands out no slot before `untilMs` (UTC epoch ms): the provider said it is at its limit (429). Never shortens a pause. */
  pause(untilMs: number): Promise<void>;
  /** Frees this attempt's slot. @returns false when it held none (released already, or never taken). */
  release(callId: string, attempt: number): Promise<boolean>;
  /** Moves this attempt's lease expiry to `expiresAtMs` (no-op when it holds no slot). */
  setExpiry(callId: string, attempt: number, expiresAtMs: number): Promise<void>;
  /** Frees every lease that expired at `nowMs`. @returns the attempts whose slot was reclaimed. */
  reclaimExpired(nowMs: number): Promise<SlotLease[]>;
  /** Current slots and line (for the reconciler, the bench and tests). */
  snapshot(): Promise<SlotsSnapshot>;
}
