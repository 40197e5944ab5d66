import { formatWallTime, instantAtWallTime, instantsAtWallTime, parseWallTime, wallClockMs, zoneAbbreviation } from '@vfc/shared/domain/zone-clock';
import { i18n } from '#i18n';

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

/** The locale times are shown in: the browser's (`navigator.language`), so 12- or 24-hour follows the person. */
export function displayLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language || undefined;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The clock reading of `ms` in `timeZone` as `locale` writes times: `10:00:05` (en-GB) or `10:00:05 AM` (en-US). */
function clockTime(ms: number, timeZone: string, locale: string | undefined): string {
  const key = `${locale ?? ''}|${timeZone}`;
  let f = clockFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' });
    clockFormats.set(key, f);
  }
  return f.format(ms);
}

/**
 * An instant shown to staff in the clinic's zone: the date as `Tue 24 Nov 2026` (unambiguous in every locale), the
 * clock as the browser's locale writes it (12- or 24-hour, the same everywhere in the extension), and the zone's
 * abbreviation AT THAT INSTANT (its DST name on that date): `Tue 24 Nov 2026, 10:00:05 PST` (en-GB),
 * `Wed 1 Jul 2026, 10:00:05 AM PDT` (en-US).
 * @param locale - BCP 47 tag; defaults to the browser's (`displayLocale()`).
 */
export function formatClinicTime(instant: Date | string, timeZone: string, locale: string | undefined = displayLocale()): string {
  const ms = instantMs(instant);
  const wall = new Date(wallClockMs(ms, timeZone));
  const date = `${WEEKDAYS[wall.getUTCDay()]} ${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;
  return `${date}, ${clockTime(ms, timeZone, locale)} ${zoneAbbreviation(ms, timeZone)}`;
}

/**
 * The zone as staff should read it: `America/Los_Angeles (PDT)`, named for `at` (the time being picked, so a July
 * date reads PDT even in winter).
 */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  return `${timeZone} (${zoneAbbreviation(at.getTime(), timeZone)})`;
}

/** Why a clinic-local time cannot be used, worded to follow the field's label ("Call at: is required"). */
export type ClinicTimeProblem = 'required' | 'invalid' | 'dst_gap' | 'past';

/** The message for each problem (`{zone}` is the clinic's IANA zone). */
export function clinicTimeProblemText(problem: ClinicTimeProblem, timeZone: string): string {
  switch (problem) {
    case 'required':
      return i18n.t('time.required');
    case 'invalid':
      return i18n.t('time.invalid');
    case 'dst_gap':
      return i18n.t('time.dstGap', [timeZone]);
    case 'past':
      return i18n.t('time.past');
  }
}

/**
 * Reads a clinic-local `datetime-local` value strictly: a time the clocks skip (inside a spring-forward gap) is
 * refused instead of moved, and with `now` a time before it is refused.
 * @returns the UTC instant, or the problem.
 */
export function readClinicTime(local: string, timeZone: string, now?: Date): { ok: true; instant: Date } | { ok: false; problem: ClinicTimeProblem } {
  if (!local.trim()) return { ok: false, problem: 'required' };
  const wall = parseWallTime(local);
  if (wall === undefined) return { ok: false, problem: 'invalid' };
  const instants = instantsAtWallTime(wall, timeZone);
  if (instants.length === 0) return { ok: false, problem: 'dst_gap' };
  const instant = new Date(instants[0]!);
  if (now && instant.getTime() < now.getTime()) return { ok: false, problem: 'past' };
  return { ok: true, instant };
}

/** The earliest value the picker offers: `now` in the clinic's zone, to the minute (`YYYY-MM-DDTHH:mm`). */
export function minClinicLocalInput(now: Date, timeZone: string): string {
  return formatWallTime(now.getTime(), timeZone).slice(0, 16);
}

/** A quick choice of the time field: a label and the clinic-local value it sets. */
export interface QuickChoice {
  label: string;
  value: string;
}

/**
 * "In 1 hour" (now + 60 min, to the minute) and "Tomorrow 10:00" (the clinic's next calendar day at 10:00 local),
 * as clinic-local `datetime-local` values.
 */
export function quickChoices(now: Date, timeZone: string): QuickChoice[] {
  const today = formatWallTime(now.getTime(), timeZone).slice(0, 10);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return [
    { label: i18n.t('time.inOneHour'), value: toClinicLocalInput(new Date(now.getTime() + 60 * 60 * 1000), timeZone).slice(0, 16) },
    { label: i18n.t('time.tomorrowTen'), value: `${tomorrow}T10:00` },
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
