/**
 * Name of the one-time schedule that fires attempt `attempt` of a call at `at`.
 * Deterministic, so a retried request creates the same schedule (the scheduler refuses a duplicate name).
 * EventBridge Scheduler names: 1–64 characters of `[0-9a-zA-Z-_.]`.
 */
export function scheduleNameFor(callId: string, attempt: number, at: Date): string {
  return `call-${callId}-${attempt}-${Math.floor(at.getTime() / 1000)}`;
}
