/**
 * Clinic-local wall-clock strings for filling `<input type="datetime-local" step="1">` in browser tests, with the
 * runtime's Intl (the test package does not depend on date-fns-tz).
 * @param instant - the moment to express.
 * @param timeZone - the clinic's IANA zone (from `GET /clinic`).
 * @returns `YYYY-MM-DDTHH:mm:ss`, clinic-local.
 */
export function clinicLocalInputValue(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
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
