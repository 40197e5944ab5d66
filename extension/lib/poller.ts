/**
 * Runs a read again and again on a schedule the caller computes (lib/poll-policy.ts), and never while the page is
 * hidden: a hidden tab keeps the time its next read was due, and when it becomes visible again it reads at that
 * time (at once if it has passed). A failed read counts as a failure and the schedule decides the wait, so
 * reading resumes by itself.
 */

/** What one read gave: the value, or a failure (the caller keeps the error for display). */
export type ReadOutcome<T> = { ok: true; value: T } | { ok: false };

/** The page's visibility as the poller needs it (`document` in a page; a stand-in in tests). */
export type VisibilitySource = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;

export interface PollerOptions<T> {
  /** One read (e.g. `GET /calls?consultationId=`). Must not throw. */
  read: () => Promise<ReadOutcome<T>>;
  /**
   * The wait (ms) before the next read, from the last value read (`undefined` before any success), the number of
   * consecutive failures and the current time; `undefined` means "no further read until `refresh()`".
   */
  nextDelay: (last: T | undefined, failures: number, now: Date) => number | undefined;
  /** Default: the global `document`. */
  visibility?: VisibilitySource;
}

export interface Poller {
  /** Read now (e.g. after the user changed something), then follow the schedule again. */
  refresh(): void;
  /** Stop for good: no timer, no listener. */
  stop(): void;
}

/** Starts polling: reads at once when the page is visible, else as soon as it becomes visible. */
export function startPoller<T>(options: PollerOptions<T>): Poller {
  const visibility = options.visibility ?? document;
  let last: T | undefined;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the next read is due (epoch ms), or `undefined` when none is planned. */
  let dueAt: number | undefined = Date.now();
  let inFlight = false;
  let again = false;
  let stopped = false;

  const hidden = () => visibility.visibilityState === 'hidden';

  function clearTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function arm() {
    clearTimer();
    if (stopped || dueAt === undefined || hidden() || inFlight) return;
    timer = setTimeout(() => void run(), Math.max(0, dueAt - Date.now()));
  }

  async function run() {
    clearTimer();
    if (stopped) return;
    inFlight = true;
    const outcome = await options.read();
    inFlight = false;
    if (stopped) return;
    if (outcome.ok) {
      last = outcome.value;
      failures = 0;
    } else {
      failures += 1;
    }
    if (again) {
      again = false;
      dueAt = Date.now();
    } else {
      const now = new Date();
      const delay = options.nextDelay(last, failures, now);
      dueAt = delay === undefined ? undefined : now.getTime() + delay;
    }
    arm();
  }

  const onVisibilityChange = () => arm();
  visibility.addEventListener('visibilitychange', onVisibilityChange);
  arm();

  return {
    refresh() {
      if (stopped) return;
      if (inFlight) {
        again = true;
        return;
      }
      dueAt = Date.now();
      arm();
    },
    stop() {
      stopped = true;
      clearTimer();
      visibility.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}
