/**
 * The one time engine of the product: wall-clock times in IANA zones ↔ instants, from the runtime's own tz database
 * (`Intl.DateTimeFormat`). The calling window (backend and extension), the extension's clinic-time fields and the
 * Scheduler emulator's `at()` all go through it. (The emulator's recurring `cron()` expressions are evaluated by
 * croner, a cron engine, not a conversion helper.)
 *
 * Why not `date-fns-tz` here: its `toZonedTime`/`formatInTimeZone` (3.2) rebuild the wall time in the HOST's zone
 * with `Date#setHours`, so a wall time that falls in the host's own DST gap comes out an hour late (checked on this
 * machine: `TZ=America/New_York`, 2026-03-08T02:30Z in Europe/London reads 03:30). The extension runs in browsers in
 * US zones, so the calling-window math must not depend on the host zone. This module reads the fields with
 * `Intl.DateTimeFormat#formatToParts` (what date-fns-tz does internally) and never uses the host zone.
 *
 * "Wall ms" below = the UTC epoch milliseconds whose UTC fields equal the local wall-clock fields
 * (e.g. 09:00 on 2026-03-10 in New York → `Date.UTC(2026, 2, 10, 9, 0)`). It is a label, not an instant.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Throws a `RangeError` naming the zone unless `zone` is an IANA zone the runtime knows. */
export function assertTimeZone(zone: string): void {
  try {
    formatterFor(zone);
  } catch {
    throw new RangeError(`unknown IANA time zone: ${JSON.stringify(zone)}`);
  }
}

/** Wall ms (see module doc) of the instant `instantMs` (UTC epoch ms) in `zone`. Millisecond precision. */
export function wallClockMs(instantMs: number, zone: string): number {
  const ms = ((instantMs % 1000) + 1000) % 1000;
  const parts = formatterFor(zone).formatToParts(new Date(instantMs - ms));
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value); break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      default: break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, ms);
  return wall.getTime();
}

/** UTC offset of `zone` at the instant `instantMs`, in ms, east positive (New York in winter: −18 000 000). */
export function utcOffsetMs(instantMs: number, zone: string): number {
  return wallClockMs(instantMs, zone) - instantMs;
}

const HOUR_MS = 3_600_000;

/**
 * Every instant (UTC epoch ms, ascending) whose wall-clock reading in `zone` is exactly `wallMs`:
 * none inside a spring-forward gap, two for a repeated fall-back time, one otherwise.
 * Assumes at most one offset change within ±36 h of the wall time (true of every zone in the tz database today).
 */
export function instantsAtWallTime(wallMs: number, zone: string): number[] {
  const before = utcOffsetMs(wallMs - 36 * HOUR_MS, zone);
  const after = utcOffsetMs(wallMs + 36 * HOUR_MS, zone);
  const found = new Set<number>();
  for (const offset of [before, after]) {
    const instant = wallMs - offset;
    if (wallClockMs(instant, zone) === wallMs) found.add(instant);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Instants in `(fromMs, toMs]` (UTC epoch ms) at which `zone`'s UTC offset changes: the first instant carrying the
 * new offset, to the second. Assumes at most one change in the range: call it on ranges of a day or less.
 */
export function offsetTransitions(zone: string, fromMs: number, toMs: number): number[] {
  const first = utcOffsetMs(fromMs, zone);
  if (utcOffsetMs(toMs, zone) === first) return [];
  // Offsets change on whole seconds: binary-search the seconds.
  let lo = Math.floor(fromMs / 1000); // offset(lo) === first
  let hi = Math.ceil(toMs / 1000); // offset(hi) !== first
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (utcOffsetMs(mid * 1000, zone) === first) lo = mid;
    else hi = mid;
  }
  return [hi * 1000];
}

/** `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`: a wall-clock time with no zone (`datetime-local`, Scheduler `at()`). */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a zone-less wall-clock text (`2026-11-24T10:00` or `2026-11-24T10:00:05`) as wall ms (see module doc).
 * @returns `undefined` when the text has another shape or names no real date/time (`2026-02-30`, `25:00`).
 */
export function parseWallTime(text: string): number | undefined {
  const m = WALL_TIME.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, 0);
  if (wall.getUTCFullYear() !== y || wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d) return undefined;
  return wall.getTime();
}

/**
 * The one instant (UTC epoch ms) a wall-clock time in `zone` stands for, resolved like Temporal's default
 * ("compatible", https://tc39.es/proposal-temporal/docs/ambiguity.html): a repeated fall-back time takes the EARLIER
 * instant; a time inside a spring-forward gap is read with the offset before the gap, so it lands as far past the gap
 * as it was into it (Los Angeles 2026-03-08 02:30 → 03:30 PDT = 10:30Z). Never depends on the host's zone.
 */
export function instantAtWallTime(wallMs: number, zone: string): number {
  const instants = instantsAtWallTime(wallMs, zone);
  if (instants.length > 0) return instants[0]!;
  return wallMs - utcOffsetMs(wallMs - 36 * HOUR_MS, zone);
}

/** `YYYY-MM-DDTHH:mm:ss`, the wall-clock reading of `instantMs` (UTC epoch ms) in `zone` (seconds, no fraction). */
export function formatWallTime(instantMs: number, zone: string): string {
  return new Date(wallClockMs(instantMs, zone)).toISOString().slice(0, 19);
}

const abbreviations = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's short name at `instantMs` as en-US readers know it (`PST`, `EDT`; `GMT+5:30` where no abbreviation is
 * common), from the runtime's Intl data.
 */
export function zoneAbbreviation(instantMs: number, zone: string): string {
  let f = abbreviations.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    abbreviations.set(zone, f);
  }
  return f.formatToParts(new Date(instantMs)).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
