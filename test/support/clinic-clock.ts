import { formatWallTime } from '@vfc/shared/domain/zone-clock';

/**
 * Clinic-local wall-clock strings for filling `<input type="datetime-local" step="1">` in browser tests, with the
 * shared zone clock (the one the extension itself uses).
 * @param instant - the moment to express.
 * @param timeZone - the clinic's IANA zone (from `GET /clinic`).
 * @returns `YYYY-MM-DDTHH:mm:ss`, clinic-local.
 */
export function clinicLocalInputValue(instant: Date, timeZone: string): string {
  return formatWallTime(instant.getTime(), timeZone);
}

/**
 * A value a few seconds ahead whose seconds are not `00`: Chromium shows `HH:mm:00` as `HH:mm`, which Playwright's
 * `fill` would reject as a changed value.
 */
export function secondsAheadInput(seconds: number, timeZone: string, now = new Date()): string {
  let instant = new Date(now.getTime() + seconds * 1000);
  if (instant.getUTCSeconds() === 0) instant = new Date(instant.getTime() + 1000);
  return clinicLocalInputValue(instant, timeZone);
}
