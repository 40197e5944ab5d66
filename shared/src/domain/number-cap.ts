/**
 * Per-number cap on artificial-voice calls: FCC 20-186 (in force 2023-07-20) allows at most 3 non-telemarketing
 * artificial- or prerecorded-voice calls to a residential line per 30 consecutive days; retries count
 * (`docs/calling-rules.md`). A clinic may set a lower cap (`CallingRules.maxCallsPer30Days`).
 */

/** FCC 20-186: at most N artificial-voice calls per number per 30 consecutive days; retries count. */
export const NUMBER_CAP_WINDOW_DAYS = 30;

const WINDOW_MS = NUMBER_CAP_WINDOW_DAYS * 86_400_000;

export type NumberCapCheck = { allowed: true } | { allowed: false; freesAt: Date; message: string };

/**
 * May the number be dialled at `at`? `previousDials` are the instants of earlier dials to that number (any order;
 * every attempt that reached the carrier, retries included). The 30 days are a rolling window of 30 × 24 h:
 * a dial at instant d counts against every instant in [d, d + 30 days). Dials after `at` are ignored.
 * When the cap is reached, `freesAt` is the first instant the window holds fewer than `maxCalls` dials (UTC instant).
 * @throws RangeError when `maxCalls` is not an integer ≥ 1.
 */
export function checkNumberCap(previousDials: readonly Date[], at: Date, maxCalls: number): NumberCapCheck {
  if (!Number.isInteger(maxCalls) || maxCalls < 1) throw new RangeError('maxCalls must be an integer ≥ 1');
  const now = at.getTime();
  const inWindow = previousDials
    .map((d) => d.getTime())
    .filter((t) => t <= now && t > now - WINDOW_MS)
    .sort((a, b) => a - b);
  if (inWindow.length < maxCalls) return { allowed: true };
  // Dropping the oldest (inWindow.length − maxCalls + 1) dials leaves maxCalls − 1: that happens when the
  // (inWindow.length − maxCalls)-th oldest dial leaves the window.
  const freesAt = new Date(inWindow[inWindow.length - maxCalls]! + WINDOW_MS);
  return {
    allowed: false,
    freesAt,
    message:
      `This number has already had ${inWindow.length} automated call${inWindow.length === 1 ? '' : 's'} in the last ` +
      `${NUMBER_CAP_WINDOW_DAYS} days (limit ${maxCalls}, FCC 20-186); the next call is possible from ${freesAt.toISOString()}`,
  };
}
