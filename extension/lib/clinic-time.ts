import { formatWallTime, instantAtWallTime, parseWallTime, wallClockMs, zoneAbbreviation } from '@vfc/shared/domain/zone-clock';

/**
 * Times in the clinic's timezone (IANA, from `GET /clinic`), never the browser's: staff may work remotely, and the
 * call must ring at the clinic's wall-clock time. Conversion by the shared zone clock (`shared/src/domain/zone-clock.ts`,
 * the one time engine of backend, extension and emulators), which never reads the browser's own zone.
 */

const instantMs = (instant: Date | string): number => (typeof instant === 'string' ? Date.parse(instant) : instant.getTime());

/**
 * Clinic-local wall-clock time → UTC ISO instant.
 * @param local - a `datetime-local` value, e.g. `2026-11-24T10:00:00`, read in `timeZone`. A time inside a
 *   spring-forward gap lands as far past the gap as it was into it; a repeated fall-back time takes the earlier instant.
 * @param timeZone - IANA zone, e.g. `America/Los_Angeles`.
 * @returns e.g. `2026-11-24T18:00:00.000Z`, or `undefined` when `local` is not a valid date-time.
 */
export function clinicLocalToUtcIso(local: string, timeZone: string): string | undefined {
  const wall = parseWallTime(local);
  return wall === undefined ? undefined : new Date(instantAtWallTime(wall, timeZone)).toISOString();
}

/** An instant → the clinic-local `datetime-local` value with seconds (`YYYY-MM-DDTHH:mm:ss`). */
export function toClinicLocalInput(instant: Date | string, timeZone: string): string {
  return formatWallTime(instantMs(instant), timeZone);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** An instant shown to staff in the clinic's zone, e.g. `Tue 24 Nov 2026, 10:00:05 PST`. */
export function formatClinicTime(instant: Date | string, timeZone: string): string {
  const ms = instantMs(instant);
  const wall = new Date(wallClockMs(ms, timeZone));
  const time = wall.toISOString().slice(11, 19);
  return `${WEEKDAYS[wall.getUTCDay()]} ${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}, ${time} ${zoneAbbreviation(ms, timeZone)}`;
}

/** The zone as staff should read it: `America/Los_Angeles (PST)` at `now`. */
export function zoneLabel(timeZone: string, now: Date = new Date()): string {
  return `${timeZone} (${zoneAbbreviation(now.getTime(), timeZone)})`;
}

/** A quick choice of the time field: a label and the clinic-local value it sets. */
export interface QuickChoice {
  label: string;
  value: string;
}

/**
 * "In 1 hour" (now + 60 min, seconds kept) and "Tomorrow 10:00" (the clinic's next calendar day at 10:00 local),
 * as clinic-local `datetime-local` values.
 */
export function quickChoices(now: Date, timeZone: string): QuickChoice[] {
  const today = formatWallTime(now.getTime(), timeZone).slice(0, 10);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return [
    { label: 'In 1 hour', value: toClinicLocalInput(new Date(now.getTime() + 60 * 60 * 1000), timeZone) },
    { label: 'Tomorrow 10:00', value: `${tomorrow}T10:00:00` },
  ];
}

/** ISO-8601 instants with a zone (`2026-12-24T15:00:00.000Z`, `…+01:00`) inside a text. */
const ISO_INSTANT_IN_TEXT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * Rewrites every ISO instant inside a server message (e.g. the per-number cap's "…possible from
 * 2026-12-24T15:00:00.000Z") as clinic time, so staff never read UTC.
 */
export function localizeInstants(text: string, timeZone: string): string {
  return text.replace(ISO_INSTANT_IN_TEXT, (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatClinicTime(date, timeZone);
  });
}
