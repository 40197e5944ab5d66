import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/**
 * Times in the clinic's timezone (IANA, from `GET /clinic`), never the browser's: staff may work remotely, and the
 * call must ring at the clinic's wall-clock time. Conversion by date-fns-tz (`fromZonedTime`, `formatInTimeZone`).
 */

/** `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`, the value of `<input type="datetime-local">`. */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Clinic-local wall-clock time → UTC ISO instant.
 * @param local - a `datetime-local` value, e.g. `2026-11-24T10:00:00`, read in `timeZone`.
 * @param timeZone - IANA zone, e.g. `America/Los_Angeles`.
 * @returns e.g. `2026-11-24T18:00:00.000Z`, or `undefined` when `local` is not a valid date-time.
 */
export function clinicLocalToUtcIso(local: string, timeZone: string): string | undefined {
  const m = LOCAL_INPUT.exec(local.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23) return undefined;
  const withSeconds = m[6] === undefined ? `${local.trim()}:00` : local.trim();
  const date = fromZonedTime(withSeconds, timeZone);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An instant → the clinic-local `datetime-local` value with seconds (`YYYY-MM-DDTHH:mm:ss`). */
export function toClinicLocalInput(instant: Date | string, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
}

/** An instant shown to staff in the clinic's zone, e.g. `Tue 24 Nov 2026, 10:00:05 PST`. */
export function formatClinicTime(instant: Date | string, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, 'EEE d MMM yyyy, HH:mm:ss zzz');
}

/** The zone as staff should read it: `America/Los_Angeles (PST)` at `now`. */
export function zoneLabel(timeZone: string, now: Date = new Date()): string {
  return `${timeZone} (${formatInTimeZone(now, timeZone, 'zzz')})`;
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
  const today = formatInTimeZone(now, timeZone, 'yyyy-MM-dd');
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
