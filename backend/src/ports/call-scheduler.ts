/** What the dialer receives when a schedule fires (the schedule target's input, JSON). */
export interface DialEvent {
  callId: string;
  /** The attempt this schedule is for; a stale attempt's delivery is a no-op. */
  attempt: number;
  /**
   * When the schedule was due (UTC ISO): the call's place in the waiting line, so the dialer can join the line without
   * reading the call first. Set by the scheduler adapter from the schedule's time; absent in older schedules.
   */
  dueAt?: string;
  /**
   * The call's clinic: with `dueAt`, lets the dialer put the call in its clinic's line without reading the call first.
   * Absent in older schedules (the dialer then reads the call).
   */
  clinicId?: string;
}

/** One-time schedules that fire the dialer for a call attempt (EventBridge Scheduler in AWS). */
export interface CallScheduler {
  /**
   * Creates a one-time schedule named `name` firing at `at` (UTC) with input {@link DialEvent}; deleted after it fires.
   * Creating a schedule whose name already exists is a success (same name → same schedule): callers derive
   * names deterministically so a retried request never makes a second schedule.
   */
  schedule(name: string, at: Date, event: DialEvent): Promise<void>;
  /** Deletes the schedule; a missing schedule is a success (it may have fired already). */
  cancel(name: string): Promise<void>;
}
