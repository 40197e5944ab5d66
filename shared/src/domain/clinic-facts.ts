import { WEEKDAYS, type Clinic, type OpenInterval, type Weekday } from './clinic.js';

/** The title of the generated clinic-facts source. */
export const CLINIC_FACTS_TITLE = 'Clinic facts';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** `09:00` → `9:00`; `24:00` → `midnight`. */
function clockWords(time: string): string {
  if (time === '24:00' || time === '00:00') return 'midnight';
  return time.replace(/^0(\d)/, '$1');
}

function intervalWords(interval: OpenInterval): string {
  if (interval.start === '00:00' && interval.end === '24:00') return 'all day';
  return `${clockWords(interval.start)} to ${clockWords(interval.end)}`;
}

/** `2026-12-25` → `Friday 25 December 2026` (the date is a calendar date: no zone involved). */
function dateWords(localDate: string): string {
  const date = new Date(`${localDate}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date).replace(',', '');
}

/** Today's calendar date (`YYYY-MM-DD`) in `zone` at `now`. */
function localToday(now: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The clinic's facts in plain words, for the voice agent's knowledge base: name, phone, the hours per weekday (in the
 * clinic's zone; these are the hours the clinic set for calls) and the closed dates from today on (today in the
 * clinic's zone at `now`). Pure: the same clinic and day always give the same text (so its hash only changes with them).
 */
export function renderClinicFacts(clinic: Pick<Clinic, 'name' | 'phoneNumber' | 'timezone' | 'weeklyHours' | 'closedDates'>, now: Date): string {
  const today = localToday(now, clinic.timezone);
  const ahead = [...new Set(clinic.closedDates)].filter((date) => date >= today).sort();
  const lines = [
    `The clinic is ${clinic.name}.`,
    ...(clinic.phoneNumber ? [`The clinic's phone number is ${clinic.phoneNumber}.`] : []),
    `The clinic's hours, in its local time (${clinic.timezone}):`,
    ...WEEKDAYS.map((day) => {
      const intervals = clinic.weeklyHours[day];
      return `- ${DAY_NAMES[day]}: ${intervals.length ? intervals.map(intervalWords).join(' and ') : 'closed'}.`;
    }),
    ahead.length ? `The clinic is closed on these dates: ${ahead.map(dateWords).join('; ')}.` : 'No closing dates are planned.',
  ];
  return lines.join('\n');
}
