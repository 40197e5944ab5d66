import * as z from '../zod.js';
import { WEEKDAYS, WeeklyHours, type OpenInterval, type Weekday } from '../domain/clinic.js';

/**
 * IDEXX Neo's clinic business hours → our `weeklyHours`.
 * Source: docs/idexx-neo.md — `GET /schedule/getScheduleConfigs` answers
 * `{ businessHours: { start, end, daysOfWeek } }`, clinic-local wall-clock times with no zone. Neo's calendar is
 * FullCalendar, whose `businessHours` may also be an array of such objects and, depending on the FullCalendar major,
 * name the fields `startTime`/`endTime` (v4+) or `dow` (v3); `daysOfWeek` are 0 = Sunday … 6 = Saturday
 * (fullcalendar.io/docs/businessHours). Everything is parsed tolerantly: staff confirm the result before saving.
 */

export { NEO_SCHEDULE_CONFIGS_PATH } from './consultation-url.js';

/** FullCalendar / JavaScript `Date.getDay()` order: index 0 is Sunday. */
const DAY_BY_JS_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const dayNumber = z.pipe(z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d$/)), z.transform(Number))]), z.int().check(z.gte(0), z.lte(6)));
const timeText = z.string().check(z.trim());

/** One FullCalendar business-hours entry as Neo may send it (all fields optional, unknown ones kept). */
const NeoBusinessHoursEntry = z.looseObject({
  start: z.optional(timeText),
  end: z.optional(timeText),
  startTime: z.optional(timeText),
  endTime: z.optional(timeText),
  daysOfWeek: z.optional(z.array(dayNumber)),
  dow: z.optional(z.array(dayNumber)),
});
type NeoBusinessHoursEntry = z.infer<typeof NeoBusinessHoursEntry>;

const NeoScheduleConfigs = z.looseObject({
  businessHours: z.union([NeoBusinessHoursEntry, z.array(NeoBusinessHoursEntry)]),
});

/** What the mapping found: the proposed hours, or why Neo's answer could not be used. */
export type NeoHoursMapping =
  { ok: true; weeklyHours: WeeklyHours; /** Entries that were left out, in plain words. */ ignored: string[] } | { ok: false; reason: string };

/**
 * Neo time (`8:00`, `08:00`, `08:00:00`, `24:00`) → our `HH:mm`; `undefined` when it is not a time of day.
 * Seconds are dropped (FullCalendar durations allow them; our calling hours are per minute).
 */
export function neoTimeToLocalTime(value: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function entryToIntervals(entry: NeoBusinessHoursEntry, index: number): { days: Weekday[]; interval?: OpenInterval; problem?: string } {
  const startRaw = entry.startTime ?? entry.start;
  const endRaw = entry.endTime ?? entry.end;
  // FullCalendar's defaults for a missing field: start 00:00, end 24:00, days Mon–Fri.
  const start = startRaw === undefined ? '00:00' : neoTimeToLocalTime(startRaw);
  const end = endRaw === undefined ? '24:00' : neoTimeToLocalTime(endRaw);
  const dayNumbers = entry.daysOfWeek ?? entry.dow ?? [1, 2, 3, 4, 5];
  const days = [...new Set(dayNumbers)].map((n) => DAY_BY_JS_INDEX[n]!);
  if (!start || !end || start === '24:00') {
    return { days, problem: `entry ${index + 1}: "${startRaw ?? ''}"–"${endRaw ?? ''}" is not a time range` };
  }
  if (start === end) return { days, problem: `entry ${index + 1}: starts and ends at ${start}` };
  return { days, interval: { start, end } };
}

/**
 * Maps the JSON of Neo's `GET /schedule/getScheduleConfigs` to `weeklyHours` (clinic-local `HH:mm`, Monday first).
 * Several entries for one day give several intervals, sorted by start, duplicates removed; days no entry names are
 * closed (empty list). An end at or before the start is kept as is: our rules read it as running past midnight.
 * @param json - the parsed response body, as Neo sent it.
 */
export function weeklyHoursFromNeoScheduleConfigs(json: unknown): NeoHoursMapping {
  const parsed = NeoScheduleConfigs.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'Neo did not answer with business hours we understand.' };
  const entries = Array.isArray(parsed.data.businessHours) ? parsed.data.businessHours : [parsed.data.businessHours];
  const hours = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as OpenInterval[]])) as Record<Weekday, OpenInterval[]>;
  const ignored: string[] = [];
  entries.forEach((entry, index) => {
    const { days, interval, problem } = entryToIntervals(entry, index);
    if (problem || !interval) {
      ignored.push(problem ?? `entry ${index + 1}`);
      return;
    }
    for (const day of days) {
      if (!hours[day].some((i) => i.start === interval.start && i.end === interval.end)) hours[day].push({ ...interval });
    }
  });
  for (const day of WEEKDAYS) hours[day].sort((a, b) => a.start.localeCompare(b.start));
  if (WEEKDAYS.every((day) => hours[day].length === 0)) {
    return { ok: false, reason: 'Neo reports no open hours on any day.' };
  }
  const checked = WeeklyHours.safeParse(hours);
  if (!checked.success) return { ok: false, reason: 'Neo reported hours we cannot use.' };
  return { ok: true, weeklyHours: checked.data, ignored };
}
