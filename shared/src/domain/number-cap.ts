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

/**
 * May one more call be planned at `at`, given every other dial that counts against the number — dials already made
 * (recorded) and calls still to be dialled at their planned slots (UTC instants, any order)? Unlike
 * {@link checkNumberCap}, later dials count too: the new call is refused when ANY rolling 30 × 24 h window that
 * contains `at` would then hold more than `maxCalls` dials (two instants a ≤ b share a window when b − a < 30 days).
 * `freesAt` is the first instant ≥ `at` at which the call would be allowed (UTC); a cancelled or moved planned call
 * simply leaves `counted`, which frees its place.
 * @throws RangeError when `maxCalls` is not an integer ≥ 1.
 */
export function checkPlannedNumberCap(counted: readonly Date[], at: Date, maxCalls: number): NumberCapCheck {
  if (!Number.isInteger(maxCalls) || maxCalls < 1) throw new RangeError('maxCalls must be an integer ≥ 1');
  const sorted = counted.map((d) => d.getTime()).sort((a, b) => a - b);
  // A run of `maxCalls` consecutive dials that fits in one window blocks the open interval (last − 30 d, first + 30 d).
  const blocked: Array<[number, number]> = [];
  for (let i = 0; i + maxCalls - 1 < sorted.length; i++) {
    const first = sorted[i]!;
    const last = sorted[i + maxCalls - 1]!;
    if (last - first < WINDOW_MS) blocked.push([last - WINDOW_MS, first + WINDOW_MS]);
  }
  const isBlocked = (t: number) => blocked.some(([from, to]) => t > from && t < to);
  const start = at.getTime();
  if (!isBlocked(start)) return { allowed: true };
  const freesAtMs = blocked
    .map(([, to]) => to)
    .filter((t) => t > start)
    .sort((a, b) => a - b)
    .find((t) => !isBlocked(t))!; // the largest right end is never inside another interval
  const nearby = sorted.filter((t) => Math.abs(t - start) < WINDOW_MS).length;
  const freesAt = new Date(freesAtMs);
  return {
    allowed: false,
    freesAt,
    message:
      `This number already has ${nearby} automated call${nearby === 1 ? '' : 's'} made or planned within ` +
      `${NUMBER_CAP_WINDOW_DAYS} days of this one (limit ${maxCalls}, FCC 20-186); the next call is possible from ` +
      freesAt.toISOString(),
  };
}
