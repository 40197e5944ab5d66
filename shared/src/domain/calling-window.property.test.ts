import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoCallSlotError, findCallSlot, isWithinCallingWindow } from './calling-window.js';
import { WEEKDAYS, type CallingRules, type OpenInterval, type WeeklyHours } from './clinic.js';

/**
 * Property tests against a brute-force oracle. The oracle decides "open?" from `Intl` wall-clock STRINGS (sv-SE
 * formatting, compared lexicographically) — a different path from zone-clock.ts — and searches by scanning.
 *
 * Why a 15-minute scan is an exact oracle here: every generated interval starts on a quarter hour, every zone below has
 * offsets and DST changes on quarter hours, so every instant where the window can open is quarter-hour aligned.
 * If something were open before the returned slot, the piece of window containing it would start at the request or
 * at an aligned instant in between — both of which the scan checks.
 */

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns', // −3:30 / −2:30
  'America/Phoenix', // no DST
  'Europe/London',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kathmandu', // +5:45
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // −11
  'UTC',
] as const;

/** DST changes of 2026 (zone, instant) to start searches near, plus an ordinary day. */
type Zone = (typeof ZONES)[number];
const ANCHORS: { zone: Zone; at: number }[] = (
  [
  { zone: 'America/New_York', at: '2026-03-08T07:00:00Z' }, // spring forward 02:00 → 03:00
  { zone: 'America/New_York', at: '2026-11-01T06:00:00Z' }, // fall back 02:00 → 01:00
  { zone: 'Europe/London', at: '2026-03-29T01:00:00Z' }, // 01:00 → 02:00
  { zone: 'Europe/London', at: '2026-10-25T01:00:00Z' }, // 02:00 → 01:00
  { zone: 'Australia/Lord_Howe', at: '2026-04-04T15:00:00Z' }, // 02:00 → 01:30
  { zone: 'Australia/Lord_Howe', at: '2026-10-03T15:30:00Z' }, // 02:00 → 02:30
  { zone: 'Pacific/Chatham', at: '2026-04-04T14:00:00Z' }, // 03:45 → 02:45
  { zone: 'Pacific/Chatham', at: '2026-09-26T14:00:00Z' }, // 02:45 → 03:45
  { zone: 'America/St_Johns', at: '2026-03-08T05:30:00Z' }, // 02:00 → 03:00
    { zone: 'America/Los_Angeles', at: '2026-06-15T12:00:00Z' }, // ordinary
  ] satisfies { zone: Zone; at: string }[]
).map(({ zone, at }) => ({ zone, at: Date.parse(at) }));

const QUARTER = 15 * 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SEARCH_DAYS = 3;

const hhmm = (quarters: number) => `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;
/** Quarter-hour of the day, often 00:45–04:00 where the DST changes above happen. */
const quarterOfDay = fc.oneof(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 3, max: 16 }));
const interval = fc
  .record({ start: quarterOfDay, end: fc.oneof(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 3, max: 16 })) })
  .map(({ start, end }): OpenInterval => ({ start: hhmm(start), end: hhmm(end) }));
const weeklyHours = fc
  .tuple(...WEEKDAYS.map(() => fc.array(interval, { maxLength: 2 })))
  .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]!])) as WeeklyHours);

const scenario = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    shiftMs: fc.oneof(fc.integer({ min: -2 * DAY, max: 2 * DAY }), fc.integer({ min: -6 * HOUR, max: 2 * HOUR })),
    otherZone: fc.option(fc.constantFrom(...ZONES), { freq: 3 }), // mostly the anchor's own zone
    weeklyHours,
    closedOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 4 }), { maxLength: 3 }),
    enforceRecipientWindow: fc.boolean(),
    recipientZones: fc.uniqueArray(fc.constantFrom(...ZONES), { maxLength: 2 }),
  })
  .map((s) => {
    const requested = s.anchor.at + s.shiftMs;
    const rules: CallingRules = {
      timezone: s.otherZone ?? s.anchor.zone,
      weeklyHours: s.weeklyHours,
      closedDates: s.closedOffsets.map((k) => new Date(requested + k * DAY).toISOString().slice(0, 10)),
      enforceRecipientWindow: s.enforceRecipientWindow,
      voicemailPolicy: 'complete',
      maxCallsPer30Days: 3,
    };
    return { requested, rules, recipientZones: s.recipientZones };
  });

// ---- the oracle -------------------------------------------------------------------------------------------------
const fmt = new Map<string, Intl.DateTimeFormat>();
/** "YYYY-MM-DD HH:mm:ss" on the wall clock of `zone`. */
function wallString(t: number, zone: string): string {
  let f = fmt.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    fmt.set(zone, f);
  }
  return f.format(new Date(t));
}
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
function boundary(date: string, time: string): string {
  return time === '24:00' ? `${addDays(date, 1)} 00:00:00` : `${date} ${time}:00`;
}
function oracleOpen(t: number, rules: CallingRules, recipientZones: readonly string[]): boolean {
  const w = wallString(t, rules.timezone);
  const today = w.slice(0, 10);
  const clinicOpen = [0, -1, -2].some((k) => {
    const date = addDays(today, k);
    if (rules.closedDates.includes(date)) return false;
    const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    return rules.weeklyHours[weekday].some(({ start, end }) => {
      const s = boundary(date, start);
      const e = minutes(end) <= minutes(start) ? boundary(addDays(date, 1), end) : boundary(date, end);
      return s <= w && w < e;
    });
  });
  if (!clinicOpen) return false;
  if (!rules.enforceRecipientWindow) return true;
  const zones = recipientZones.length > 0 ? recipientZones : [rules.timezone];
  return zones.every((z) => {
    const time = wallString(t, z).slice(11);
    return time >= '08:00:00' && time < '21:00:00';
  });
}
/** The first open instant among `from` and the quarter-hour-aligned instants in (from, to); none when from ≥ to. */
function firstOpenByScan(from: number, to: number, rules: CallingRules, zones: readonly string[]): number | undefined {
  if (from >= to) return undefined;
  if (oracleOpen(from, rules, zones)) return from;
  for (let t = Math.floor(from / QUARTER) * QUARTER + QUARTER; t < to; t += QUARTER) {
    if (oracleOpen(t, rules, zones)) return t;
  }
  return undefined;
}

describe('findCallSlot properties (fast-check, brute-force oracle)', () => {
  it('the slot is never before the request, inside every bound, and the earliest such instant', () => {
    const t0 = performance.now();
    const stats = { moved: 0, unmoved: 0, none: 0 };
    fc.assert(
      fc.property(scenario, ({ requested, rules, recipientZones }) => {
        const horizon = requested + SEARCH_DAYS * DAY;
        let slot: number | undefined;
        try {
          slot = findCallSlot({ requested: new Date(requested), rules, recipientZones, maxSearchDays: SEARCH_DAYS }).at.getTime();
        } catch (e) {
          if (!(e instanceof NoCallSlotError)) throw e;

        }
        stats[slot === undefined ? 'none' : slot === requested ? 'unmoved' : 'moved']++;
        if (slot === undefined) {
          // nothing open at the request or any aligned instant up to the horizon
          expect(firstOpenByScan(requested, horizon + 1, rules, recipientZones)).toBeUndefined();
          return;
        }
        expect(slot).toBeGreaterThanOrEqual(requested);
        expect(slot).toBeLessThanOrEqual(horizon);
        expect(oracleOpen(slot, rules, recipientZones)).toBe(true);
        expect(isWithinCallingWindow(new Date(slot), rules, recipientZones)).toBe(true);
        expect(firstOpenByScan(requested, slot, rules, recipientZones)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
    console.log(`findCallSlot property: ${JSON.stringify(stats)} in ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('isWithinCallingWindow agrees with the oracle at arbitrary instants', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: SEARCH_DAYS * DAY }), ({ requested, rules, recipientZones }, dt) => {
        const t = requested + dt;
        expect(isWithinCallingWindow(new Date(t), rules, recipientZones)).toBe(oracleOpen(t, rules, recipientZones));
      }),
      { numRuns: 3000 },
    );
  });

  it('a slot is a fixed point: asking again from the slot returns it unmoved', () => {
    fc.assert(
      fc.property(scenario, ({ requested, rules, recipientZones }) => {
        let slot;
        try {
          slot = findCallSlot({ requested: new Date(requested), rules, recipientZones, maxSearchDays: SEARCH_DAYS });
        } catch {
          return;
        }
        expect(findCallSlot({ requested: slot.at, rules, recipientZones, maxSearchDays: 0 })).toEqual({ at: slot.at, moved: false });
      }),
      { numRuns: 300 },
    );
  });
});
