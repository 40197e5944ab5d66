import type { CallingRules } from './clinic.js';
import { WEEKDAYS } from './clinic.js';
import { assertTimeZone, instantsAtWallTime, offsetTransitions, wallClockMs } from './zone-clock.js';

/**
 * Calling-window math: when may a follow-up call be placed?
 *
 * An instant is inside the calling window when
 * 1. the clinic is open: the clinic-local wall clock (`rules.timezone`) reads a time inside one of the intervals of
 *    `rules.weeklyHours`, and the interval did not START on a date listed in `rules.closedDates`; and
 * 2. when `rules.enforceRecipientWindow` is on, the wall clock reads 08:00 ≤ t < 21:00 in EVERY recipient zone
 *    (the clinic's zone when none is known) — 47 CFR 64.1200(c)(1), see `docs/calling-rules.md`.
 *
 * Intervals are half-open `[start, end)` on the LOCAL WALL CLOCK, which fixes the DST behaviour:
 * - spring-forward gap: local times that never exist cover no instant, so an interval starting at 02:30 on
 *   2026-03-08 in New York opens at 03:00 EDT, the first instant that exists after 02:30;
 * - fall-back repeat: a repeated local time is covered by both occurrences (the union), so an interval
 *   00:00–01:30 on 2026-11-01 in New York covers 00:00–01:30 EDT AND 01:00–01:30 EST, and an interval that opens
 *   at 01:30 opens at 01:30 EDT, closes while the clock reads 01:00–01:29 EST, and reopens at 01:30 EST.
 */

/** 47 CFR 64.1200(c)(1): no calls before 08:00 or from 21:00 on, at the called party's local time. */
export const RECIPIENT_WINDOW = { start: '08:00', end: '21:00' };

/** How far ahead `findCallSlot` looks by default, in days (24 h each). */
export const DEFAULT_MAX_SEARCH_DAYS = 60;

/** recipientZones: IANA zones of the person called; empty → the clinic's zone is used for the 08:00–21:00 bound. */
export interface SlotQuery {
  /** The instant staff asked for. */
  requested: Date;
  rules: CallingRules;
  recipientZones: readonly string[];
  /** Search horizon after `requested`, in days of 24 h; default 60. */
  maxSearchDays?: number;
}

/** The instant to place the call; `moved` when it is later than requested, with a human-readable `reason`. */
export interface CallSlot {
  at: Date;
  moved: boolean;
  /** e.g. "Moved to Tuesday 2026-03-10 09:00 (America/New_York): outside the clinic's calling hours". */
  reason?: string;
}

/** No instant within the search horizon satisfies every bound. */
export class NoCallSlotError extends Error {
  override readonly name = 'NoCallSlotError';
  constructor(
    readonly requested: Date,
    readonly searchDays: number,
  ) {
    super(
      `No open call slot within ${searchDays} days after ${requested.toISOString()}: ` +
        `check the clinic's weekly hours, closed dates and the recipient's time zone`,
    );
  }
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const RECIPIENT_START_MIN = minutesOf(RECIPIENT_WINDOW.start);
const RECIPIENT_END_MIN = minutesOf(RECIPIENT_WINDOW.end);

/** "HH:mm" → minutes after midnight; "24:00" → 1440. */
function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`not an HH:mm time: ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Local date `YYYY-MM-DD` of a day index (days since 1970-01-01 on the wall clock). */
function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOfDay(day: number): (typeof WEEKDAYS)[number] {
  // 1970-01-01 was a Thursday (index 3 in Monday-first WEEKDAYS).
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
}

/** Zones whose 08:00–21:00 bound applies (deduplicated); none when the rule is off. */
function boundZones(rules: CallingRules, recipientZones: readonly string[]): string[] {
  if (!rules.enforceRecipientWindow) return [];
  return recipientZones.length > 0 ? [...new Set(recipientZones)] : [rules.timezone];
}

interface ClinicState {
  open: boolean;
  /** Set when an interval would cover the instant but started on a closed date. */
  closedDate?: string;
}

function clinicState(instantMs: number, rules: CallingRules, closed: ReadonlySet<string>): ClinicState {
  const wall = wallClockMs(instantMs, rules.timezone);
  const today = Math.floor(wall / DAY_MS);
  let closedDate: string | undefined;
  // An interval starting today, yesterday (past midnight) or — with a "24:00" start — the day before covers `wall`.
  for (const day of [today, today - 1, today - 2]) {
    for (const interval of rules.weeklyHours[weekdayOfDay(day)]) {
      const startMin = minutesOf(interval.start);
      const endMin = minutesOf(interval.end);
      const start = day * DAY_MS + startMin * MINUTE_MS;
      const end = day * DAY_MS + endMin * MINUTE_MS + (endMin <= startMin ? DAY_MS : 0);
      if (wall < start || wall >= end) continue;
      const date = dateOfDay(day);
      if (!closed.has(date)) return { open: true };
      closedDate ??= date;
    }
  }
  return closedDate === undefined ? { open: false } : { open: false, closedDate };
}

function insideRecipientWindow(instantMs: number, zone: string): boolean {
  const wall = wallClockMs(instantMs, zone);
  const minuteOfDay = (((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS;
  return minuteOfDay >= RECIPIENT_START_MIN && minuteOfDay < RECIPIENT_END_MIN;
}

function validateZones(rules: CallingRules, recipientZones: readonly string[]): void {
  assertTimeZone(rules.timezone);
  for (const zone of recipientZones) assertTimeZone(zone);
}

/** A compiled view of one query, so the search does not redo set-up per candidate. */
class CompiledWindow {
  readonly closed: ReadonlySet<string>;
  readonly zones: string[];
  constructor(
    readonly rules: CallingRules,
    recipientZones: readonly string[],
  ) {
    validateZones(rules, recipientZones);
    this.closed = new Set(rules.closedDates ?? []);
    this.zones = boundZones(rules, recipientZones);
  }

  contains(instantMs: number): boolean {
    if (!clinicState(instantMs, this.rules, this.closed).open) return false;
    return this.zones.every((zone) => insideRecipientWindow(instantMs, zone));
  }

  /** Why `instantMs` is outside the window, for people (no personal data). */
  whyOutside(instantMs: number): string {
    const reasons: string[] = [];
    const clinic = clinicState(instantMs, this.rules, this.closed);
    if (clinic.closedDate !== undefined) reasons.push(`the clinic is closed on ${clinic.closedDate}`);
    else if (!clinic.open) reasons.push("outside the clinic's calling hours");
    const outside = this.zones.filter((zone) => !insideRecipientWindow(instantMs, zone));
    if (outside.length > 0) {
      reasons.push(`outside ${RECIPIENT_WINDOW.start}–${RECIPIENT_WINDOW.end} at the recipient's local time (${outside.join(', ')})`);
    }
    return reasons.join('; ');
  }

  /**
   * Instants at which the window may open during wall day `day` (days since 1970-01-01): each clinic interval start
   * on that clinic-local date, each recipient 08:00 on that local date, and each UTC-offset change of any zone during
   * UTC day `day` (where a wall clock jumps into an interval). Every left edge of the window is in this set.
   */
  candidatesOfDay(day: number): number[] {
    const out: number[] = [];
    const clinicZone = this.rules.timezone;
    if (!this.closed.has(dateOfDay(day))) {
      for (const interval of this.rules.weeklyHours[weekdayOfDay(day)]) {
        out.push(...instantsAtWallTime(day * DAY_MS + minutesOf(interval.start) * MINUTE_MS, clinicZone));
      }
    }
    for (const zone of this.zones) {
      out.push(...instantsAtWallTime(day * DAY_MS + RECIPIENT_START_MIN * MINUTE_MS, zone));
    }
    for (const zone of new Set([clinicZone, ...this.zones])) {
      out.push(...offsetTransitions(zone, day * DAY_MS, (day + 1) * DAY_MS));
    }
    return out;
  }
}

/**
 * Is the instant `at` inside the calling window (see the module doc): clinic open and, when enforced, 08:00–21:00
 * in every recipient zone (the clinic's zone when `recipientZones` is empty)? Throws `RangeError` on an unknown zone.
 */
export function isWithinCallingWindow(at: Date, rules: CallingRules, recipientZones: readonly string[]): boolean {
  return new CompiledWindow(rules, recipientZones).contains(at.getTime());
}

/**
 * The earliest instant ≥ `q.requested` inside the calling window (`isWithinCallingWindow` is true there), searching
 * `q.maxSearchDays` (default 60) days of 24 h after the request. Millisecond-exact: a request inside the window is
 * returned unchanged with `moved: false`.
 *
 * @throws NoCallSlotError when nothing within the horizon is open.
 * @throws RangeError on an unknown IANA zone or a bad request date.
 */
export function findCallSlot(q: SlotQuery): CallSlot {
  const requested = q.requested.getTime();
  if (!Number.isFinite(requested)) throw new RangeError('requested is not a valid date');
  const searchDays = q.maxSearchDays ?? DEFAULT_MAX_SEARCH_DAYS;
  if (!(searchDays >= 0) || !Number.isFinite(searchDays)) throw new RangeError('maxSearchDays must be a number ≥ 0');
  const window = new CompiledWindow(q.rules, q.recipientZones);
  if (window.contains(requested)) return { at: new Date(requested), moved: false };

  const horizon = requested + searchDays * DAY_MS;
  // A wall time W maps to instants in [W − 14 h, W + 12 h] (UTC offsets span −12 h…+14 h), so candidates of wall days
  // before `first` are all earlier than the request, and those of wall day d are never earlier than d·DAY − 14 h.
  const first = Math.floor(requested / DAY_MS) - 1;
  const last = Math.floor(horizon / DAY_MS) + 1;
  let best = Number.POSITIVE_INFINITY;
  for (let day = first; day <= last; day++) {
    for (const candidate of window.candidatesOfDay(day)) {
      if (candidate > requested && candidate <= horizon && candidate < best && window.contains(candidate)) {
        best = candidate;
      }
    }
    if (best < (day + 1) * DAY_MS - 15 * HOUR_MS) break; // no later day can produce an earlier candidate
  }
  if (!Number.isFinite(best)) throw new NoCallSlotError(q.requested, searchDays);
  return { at: new Date(best), moved: true, reason: movedReason(best, q.rules.timezone, window.whyOutside(requested)) };
}

const reasonFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Moved to Tuesday 2026-03-10 09:00 (America/New_York): <why>" — clinic-local, host-zone independent. */
function movedReason(atMs: number, zone: string, why: string): string {
  let weekday = reasonFormatters.get(zone);
  if (!weekday) {
    weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long' });
    reasonFormatters.set(zone, weekday);
  }
  const wall = new Date(wallClockMs(atMs, zone)).toISOString(); // UTC fields = local fields
  return `Moved to ${weekday.format(new Date(atMs))} ${wall.slice(0, 10)} ${wall.slice(11, 16)} (${zone}): ${why}`;
}
