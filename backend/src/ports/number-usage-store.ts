/** One artificial-voice dial to a number, counted by the per-number cap (FCC 20-186; retries count). */
export interface DialRecord {
  /** E.164 number dialled. */
  phoneNumber: string;
  /** When the dialer claimed the attempt (UTC ISO instant). */
  at: string;
  callId: string;
  attempt: number;
}

/** The record of dials per clinic and number, for the rolling 30-day cap. */
export interface NumberUsageStore {
  /** Records a dial. Idempotent: the same (number, at, callId, attempt) recorded twice is one record. */
  recordDial(clinicId: string, dial: DialRecord): Promise<void>;
  /**
   * Records `dial` only if fewer than `cap` dials to its number are recorded at or after `since`, atomically: of any
   * number of concurrent reservations for the last place exactly one is recorded. Idempotent: a dial already
   * recorded is reported as recorded.
   * @returns `recorded: true`, or `recorded: false` with the dials that fill the window (oldest first).
   */
  recordDialUnderCap(clinicId: string, dial: DialRecord, cap: number, since: Date): Promise<{ recorded: true } | { recorded: false; dials: DialRecord[] }>;
  /** Forgets a dial that never reached the carrier (provider at capacity, request refused). Missing is fine. */
  releaseDial(clinicId: string, dial: DialRecord): Promise<void>;
  /** Dials to `phoneNumber` at or after `since` (strongly consistent), oldest first. */
  dialsSince(clinicId: string, phoneNumber: string, since: Date): Promise<DialRecord[]>;
}
