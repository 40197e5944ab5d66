import { i18n } from '#i18n';
import type { Call, ListCallsResponse } from '@vfc/shared';
import { LIST_CALLS_MAX_LIMIT } from '@vfc/shared';
import type { ApiResult, ClinicCallsQuery } from './api-client';
import { REASON_LABELS } from './attention-labels';

/**
 * The toolbar badge and the desktop notifications of the background worker: the number of unresolved calls that
 * need a person (`attention` urgent or review), and one notification per new urgent call.
 */

/** The query the badge counts: unresolved calls whose attention is urgent or review (any date). */
export const BADGE_QUERY: ClinicCallsQuery = { attention: ['urgent', 'review'], resolved: false, limit: LIST_CALLS_MAX_LIMIT };
/** Most pages read per refresh (100 calls each); beyond that the badge says `999+`. */
export const BADGE_MAX_PAGES = 10;
/** How many notified call ids are remembered (the oldest are forgotten first). */
export const NOTIFIED_IDS_KEPT = 500;
/** Name of the `chrome.alarms` alarm that refreshes the badge. */
export const FOLLOW_UPS_ALARM = 'vfc-follow-ups';
/** Period of that alarm (minutes). */
export const FOLLOW_UPS_ALARM_MINUTES = 5;
/** Badge background: red, as for anything waiting on a person. */
export const BADGE_COLOR = '#b91c1c';

/** Badge text for a count: empty for 0 (no badge), the number up to 999, else `999+`. */
export function badgeText(count: number, complete = true): string {
  if (count === 0) return '';
  return count > 999 || !complete ? '999+' : String(count);
}

/** A desktop notification to show (Chrome's `basic` type). */
export interface UrgentNotice {
  /** Notification id: `vfc-urgent-<callId>` (showing it again would replace, not add). */
  id: string;
  title: string;
  message: string;
}

/** The notification for one urgent call: pet and owner, and the summary (or the reasons in plain words). */
export function urgentNotice(call: Pick<Call, 'callId' | 'petName' | 'ownerName' | 'attentionReasons' | 'outcome'>): UrgentNotice {
  const reasons = call.attentionReasons.map((reason) => REASON_LABELS[reason]()).join(' · ');
  return {
    id: `vfc-urgent-${call.callId}`,
    title: i18n.t('notifications.urgentTitle', [call.petName, call.ownerName]),
    message: call.outcome?.summary || reasons || i18n.t('notifications.urgentFallback'),
  };
}

export interface FollowUpsDeps {
  /** One page of `GET /calls` (the background's API client). */
  listClinicCalls: (query: ClinicCallsQuery) => Promise<ApiResult<ListCallsResponse>>;
  setBadge: (text: string) => Promise<void>;
  notify: (notice: UrgentNotice) => Promise<void>;
  /** The options page's "Notify me of urgent calls" setting. */
  notifyEnabled: () => Promise<boolean>;
  /** Ids already announced (`null` before the first refresh). */
  loadNotified: () => Promise<string[] | null>;
  saveNotified: (ids: string[]) => Promise<void>;
}

/** What a refresh found: the count on the badge and the calls it announced. */
export interface FollowUpsRefresh {
  count: number;
  /** False when more than `BADGE_MAX_PAGES` pages matched (the count is a lower bound). */
  complete: boolean;
  notifiedCallIds: string[];
}

/**
 * Reads every unresolved urgent/review call (paging with `nextCursor`), sets the badge, and shows one notification
 * per urgent call not announced before (when enabled). The first refresh ever records the urgent calls already
 * there without announcing them. When a read fails, the badge is left as it was and the failure is returned.
 */
export async function refreshFollowUps(deps: FollowUpsDeps): Promise<ApiResult<FollowUpsRefresh>> {
  const calls: Call[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let status = 200;
  do {
    const page = await deps.listClinicCalls({ ...BADGE_QUERY, ...(cursor ? { cursor } : {}) });
    if (!page.ok) return page;
    status = page.status;
    calls.push(...page.data.items);
    cursor = page.data.nextCursor;
    pages += 1;
  } while (cursor && pages < BADGE_MAX_PAGES);
  const complete = cursor === undefined;
  await deps.setBadge(badgeText(calls.length, complete));

  const urgent = calls.filter((call) => call.attention === 'urgent');
  const known = await deps.loadNotified();
  const fresh = known === null ? [] : urgent.filter((call) => !known.includes(call.callId));
  const announce = fresh.length > 0 && (await deps.notifyEnabled());
  if (announce) {
    for (const call of fresh) await deps.notify(urgentNotice(call));
  }
  if (known === null || fresh.length > 0) {
    const ids = [...(known ?? []), ...(known === null ? urgent : fresh).map((call) => call.callId)];
    await deps.saveNotified(ids.slice(-NOTIFIED_IDS_KEPT));
  }
  return { ok: true, status, data: { count: calls.length, complete, notifiedCallIds: announce ? fresh.map((call) => call.callId) : [] } };
}

/**
 * Wraps a refresh so that calls never overlap (two at once could announce the same call twice): a call made while
 * one runs waits for it, then runs.
 */
export function serialized<T>(run: () => Promise<T>): () => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
}
