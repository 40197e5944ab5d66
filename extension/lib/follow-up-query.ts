import { i18n } from '#i18n';
import { formatWallTime } from '@vfc/shared/domain/zone-clock';
import type { ClinicCallsQuery } from './api-client';
import { clinicLocalToUtcIso } from './clinic-time';

/**
 * What the side panel asks `GET /calls` for: a period of clinic-local days and a filter, turned into the API's
 * query (UTC instants on `scheduledFor`, from inclusive, to exclusive).
 */

/** The side panel's filters. */
export const FOLLOW_UP_FILTERS = ['attention', 'unresolved', 'failed', 'all'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

/** Button text of each filter (locale messages, read when shown). */
export const FILTER_LABELS: Record<FollowUpFilter, () => string> = {
  attention: () => i18n.t('followUps.filter.attention'),
  unresolved: () => i18n.t('followUps.filter.unresolved'),
  failed: () => i18n.t('followUps.filter.failed'),
  all: () => i18n.t('followUps.filter.all'),
};

/**
 * The API filters of each side-panel filter: "needs attention" = urgent or review (resolved or not); "unresolved" =
 * urgent or review that nobody has resolved yet (what the badge counts); "failed" = status failed; "all" = every call.
 */
export const FILTER_QUERIES: Record<FollowUpFilter, ClinicCallsQuery> = {
  attention: { attention: ['urgent', 'review'] },
  unresolved: { attention: ['urgent', 'review'], resolved: false },
  failed: { status: ['failed'] },
  all: {},
};

/** A period of clinic-local calendar days: today, the last 7 days (today included), or chosen days. */
export type FollowUpPeriod =
  | { kind: 'today' }
  | { kind: 'week' }
  /** `from` and `to` are clinic-local dates `YYYY-MM-DD`, both included. */
  | { kind: 'range'; from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` plus `days` calendar days. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today's clinic-local date (`YYYY-MM-DD`) at `now`. */
export function clinicToday(now: Date, timeZone: string): string {
  return formatWallTime(now.getTime(), timeZone).slice(0, 10);
}

/**
 * The UTC bounds of a period in the clinic's zone: from the first day's local midnight (inclusive) to the local
 * midnight after the last day (exclusive) — a day of 23 or 25 hours at a DST change is counted as the clinic lives it.
 * @returns `undefined` for a chosen range whose dates are missing, invalid or reversed.
 */
export function periodBounds(period: FollowUpPeriod, now: Date, timeZone: string): { from: string; to: string } | undefined {
  const today = clinicToday(now, timeZone);
  const [first, last] =
    period.kind === 'today' ? [today, today] : period.kind === 'week' ? [addDays(today, -6), today] : [period.from, period.to];
  if (!DAY.test(first) || !DAY.test(last) || first > last) return undefined;
  const from = clinicLocalToUtcIso(`${first}T00:00`, timeZone);
  const to = clinicLocalToUtcIso(`${addDays(last, 1)}T00:00`, timeZone);
  return from && to ? { from, to } : undefined;
}

/** The API query of a period and a filter (`undefined` when the period is not valid). */
export function followUpQuery(
  period: FollowUpPeriod,
  filter: FollowUpFilter,
  now: Date,
  timeZone: string,
): ClinicCallsQuery | undefined {
  const bounds = periodBounds(period, now, timeZone);
  return bounds ? { ...bounds, ...FILTER_QUERIES[filter] } : undefined;
}
