import type { Call } from '@vfc/shared';

/**
 * When a page that shows calls reads them again — the polling budget. Pure: the caller owns the timer and the
 * page's visibility (a hidden tab reads nothing; see lib/poller.ts).
 *
 * - A live call (`dialing`, `in_progress`) is read every {@link LIVE_POLL_MS} (4 s).
 * - A `scheduled` call is next read at its due time, but no later than {@link IDLE_POLL_MS} (1 min) from now;
 *   once due (and for {@link DUE_GRACE_MS} after) it is read at the live cadence, since dialing starts then.
 *   A call still `scheduled` longer after its due time (held, e.g. outside calling hours) is read once a minute.
 * - A call that ended (completed or failed) without its post-call analysis yet (no `outcome.summary`) is read at
 *   the live cadence for {@link ANALYSIS_WAIT_MS} after its last change: the provider sends the analysis (summary,
 *   concern, attention) shortly after the ending.
 * - Otherwise final calls (or none): nothing to read again.
 * - After a failed read: {@link BACKOFF_BASE_MS} × 2^(failures − 1), capped at {@link BACKOFF_MAX_MS} (5 min), and
 *   reading resumes by itself.
 */

/** Live cadence (ms): between reads while a call is dialing or in progress, and around a scheduled call's due time. */
export const LIVE_POLL_MS = 4_000;
/** Longest wait (ms) between reads while some call is still scheduled. */
export const IDLE_POLL_MS = 60_000;
/** How long after its due time (ms) a still-scheduled call keeps the live cadence (the dialer is picking it up). */
export const DUE_GRACE_MS = 5 * 60_000;
/** How long after a call ended (ms, from its `updatedAt`) the page waits for its post-call analysis. */
export const ANALYSIS_WAIT_MS = 2 * 60_000;
/** First wait (ms) after a failed read; doubles with each further failure. */
export const BACKOFF_BASE_MS = 5_000;
/** Cap (ms) of the wait after failed reads. */
export const BACKOFF_MAX_MS = 5 * 60_000;

/** The wait (ms) after `failures` consecutive failed reads (`failures` ≥ 1): 5 s, 10 s, 20 s … capped at 5 min. */
export function backoffDelay(failures: number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_MAX_MS);
}

/** What the policy reads of a call. */
export type PolledCall = Pick<Call, 'status' | 'scheduledFor'> & Partial<Pick<Call, 'updatedAt' | 'outcome'>>;

/** The wait (ms) before reading one call again, or `undefined` when nothing more will change by itself. */
function delayForCall(call: PolledCall, nowMs: number): number | undefined {
  switch (call.status) {
    case 'dialing':
    case 'in_progress':
      return LIVE_POLL_MS;
    case 'scheduled': {
      const untilDue = Date.parse(call.scheduledFor) - nowMs;
      if (untilDue <= 0) return -untilDue <= DUE_GRACE_MS ? LIVE_POLL_MS : IDLE_POLL_MS;
      return Math.min(Math.max(untilDue, LIVE_POLL_MS), IDLE_POLL_MS);
    }
    case 'completed':
    case 'failed': {
      const awaitingAnalysis = call.outcome?.summary === undefined && call.updatedAt !== undefined;
      return awaitingAnalysis && nowMs - Date.parse(call.updatedAt!) < ANALYSIS_WAIT_MS ? LIVE_POLL_MS : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The wait (ms) before the next read of a list of calls.
 * @param calls - what the last successful read returned.
 * @param now - the current instant.
 * @param failures - consecutive failed reads since the last success (0 after a success).
 * @returns milliseconds to wait, or `undefined` when every call is final and analysed (nothing changes by itself).
 */
export function nextReadDelay(calls: readonly PolledCall[], now: Date, failures = 0): number | undefined {
  if (failures > 0) return backoffDelay(failures);
  let delay: number | undefined;
  for (const call of calls) {
    const own = delayForCall(call, now.getTime());
    if (own !== undefined && (delay === undefined || own < delay)) delay = own;
  }
  return delay;
}

/**
 * The wait (ms) before re-reading a list that new calls can join (the side panel's clinic-wide list): as
 * {@link nextReadDelay}, but at least once a minute even when every shown call is final.
 */
export function listReadDelay(calls: readonly PolledCall[], now: Date, failures = 0): number {
  return nextReadDelay(calls, now, failures) ?? IDLE_POLL_MS;
}
