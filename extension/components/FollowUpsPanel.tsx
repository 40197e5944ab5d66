import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ClinicSummary } from '@vfc/shared';
import type { ApiFailure } from '../lib/api-client';
import { followUpOrder } from '../lib/attention-labels';
import { zoneLabel } from '../lib/clinic-time';
import { describeApiFailure } from '../lib/error-text';
import {
  clinicToday,
  FILTER_LABELS,
  FOLLOW_UP_FILTERS,
  followUpQuery,
  type FollowUpFilter,
  type FollowUpPeriod,
} from '../lib/follow-up-query';
import { backgroundApi, type ExtensionApi } from '../lib/messages';
import type { VisibilitySource } from '../lib/poller';
import { lastNeoOriginItem } from '../lib/settings';
import { FollowUpRow } from './FollowUpRow';
import { useFollowUps } from './use-follow-ups';

export type FollowUpsPanelApi = Pick<
  ExtensionApi,
  'getClinic' | 'listClinicCalls' | 'resolveCall' | 'reopenCall' | 'refreshFollowUps'
>;

export interface FollowUpsPanelProps {
  api?: FollowUpsPanelApi;
  now?: () => Date;
  /** Opens a URL in a new tab (default: `browser.tabs.create`). */
  openTab?: (url: string) => void;
  visibility?: VisibilitySource;
}

type PeriodKind = FollowUpPeriod['kind'];
const PERIOD_LABELS: Record<PeriodKind, () => string> = {
  today: () => i18n.t('followUps.periodToday'),
  week: () => i18n.t('followUps.periodWeek'),
  range: () => i18n.t('followUps.periodRange'),
};

/**
 * The "Follow-ups" side panel: the connection (clinic, timezone, demo mode, a link to the options — what the
 * popup used to show), then the clinic's calls of a period, filtered, in working order (urgent, review, the rest;
 * newest first within each), with "Load more". Times are the clinic's.
 */
export function FollowUpsPanel(props: FollowUpsPanelProps) {
  const api = props.api ?? backgroundApi;
  const now = props.now ?? (() => new Date());
  const openTab = props.openTab ?? ((url: string) => void browser.tabs.create({ url }));
  const [clinic, setClinic] = useState<ClinicSummary | undefined>(undefined);
  const [clinicFailure, setClinicFailure] = useState<ApiFailure | undefined>(undefined);
  const [neoOrigin, setNeoOrigin] = useState('');
  const [filter, setFilter] = useState<FollowUpFilter>('attention');
  const [periodKind, setPeriodKind] = useState<PeriodKind>('week');
  const [rangeFrom, setRangeFrom] = useState('');
  const [rangeTo, setRangeTo] = useState('');

  useEffect(() => {
    let cancelled = false;
    void api.getClinic().then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setClinic(result.data);
        const today = clinicToday(now(), result.data.timezone);
        setRangeFrom((from) => from || today);
        setRangeTo((to) => to || today);
      } else {
        setClinicFailure(result);
      }
    });
    void lastNeoOriginItem.getValue().then((origin) => !cancelled && setNeoOrigin(origin));
    const unwatch = lastNeoOriginItem.watch((origin) => setNeoOrigin(origin ?? ''));
    return () => {
      cancelled = true;
      unwatch();
    };
    // `now` is read once at load: the clinic's "today" for the date fields.
  }, [api]);

  const period: FollowUpPeriod = periodKind === 'range' ? { kind: 'range', from: rangeFrom, to: rangeTo } : { kind: periodKind };
  const query = clinic ? followUpQuery(period, filter, now(), clinic.timezone) : undefined;
  const list = useFollowUps(api, query, { visibility: props.visibility });
  const ordered = useMemo(() => (list.loaded ? followUpOrder(list.loaded.items) : undefined), [list.loaded]);

  return (
    <main className="vfc-sidepanel">
      <header>
        <h1>{i18n.t('followUps.title')}</h1>
        <div role="status" aria-live="polite" className="vfc-muted">
          {!clinic && !clinicFailure && i18n.t('followUps.checking')}
          {clinic && (
            <span className="vfc-ok">
              {clinic.demoMode
                ? i18n.t('followUps.connectedDemo', [clinic.name, zoneLabel(clinic.timezone, now())])
                : i18n.t('followUps.connected', [clinic.name, zoneLabel(clinic.timezone, now())])}
            </span>
          )}
        </div>
        {clinicFailure && (
          <p role="alert" className="vfc-error" data-testid="followups-connection-error">
            {describeApiFailure(clinicFailure)}
          </p>
        )}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {i18n.t('followUps.openOptions')}
        </a>
      </header>

      {clinic && (
        <>
          <div className="vfc-filters" role="group" aria-label={i18n.t('followUps.filtersLabel')}>
            {FOLLOW_UP_FILTERS.map((value) => (
              <button
                key={value}
                type="button"
                className={filter === value ? 'vfc-primary' : 'vfc-secondary'}
                aria-pressed={filter === value}
                onClick={() => setFilter(value)}
              >
                {FILTER_LABELS[value]()}
              </button>
            ))}
          </div>
          <div className="vfc-period">
            <label htmlFor="vfc-period">{i18n.t('followUps.period')}</label>{' '}
            <select id="vfc-period" value={periodKind} onChange={(e) => setPeriodKind(e.target.value as PeriodKind)}>
              {(Object.keys(PERIOD_LABELS) as PeriodKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {PERIOD_LABELS[kind]()}
                </option>
              ))}
            </select>
            {periodKind === 'range' && (
              <span className="vfc-range">
                {' '}
                <label htmlFor="vfc-range-from">{i18n.t('followUps.from')}</label>{' '}
                <input id="vfc-range-from" type="date" value={rangeFrom} onChange={(e) => setRangeFrom(e.target.value)} />{' '}
                <label htmlFor="vfc-range-to">{i18n.t('followUps.to')}</label>{' '}
                <input id="vfc-range-to" type="date" value={rangeTo} onChange={(e) => setRangeTo(e.target.value)} />
              </span>
            )}
          </div>
          {!query && (
            <p role="alert" className="vfc-error">
              {i18n.t('followUps.rangeInvalid')}
            </p>
          )}
          {list.failure && (
            <p role="alert" className="vfc-error" data-testid="followups-error">
              {describeApiFailure(list.failure, clinic.timezone)}{' '}
              <button type="button" className="vfc-secondary" onClick={list.refresh}>
                {i18n.t('followUps.tryAgain')}
              </button>
            </p>
          )}
          {query && !ordered && !list.failure && <p className="vfc-muted">{i18n.t('followUps.loading')}</p>}
          {ordered && ordered.length === 0 && <p className="vfc-muted">{i18n.t('followUps.noCalls')}</p>}
          {ordered && ordered.length > 0 && (
            <ul className="vfc-followups" aria-label={i18n.t('followUps.listLabel')}>
              {ordered.map((call) => (
                <FollowUpRow
                  key={call.callId}
                  call={call}
                  timeZone={clinic.timezone}
                  api={api}
                  neoOrigin={neoOrigin}
                  openTab={openTab}
                  onChanged={list.replace}
                />
              ))}
            </ul>
          )}
          {list.loaded?.nextCursor && (
            <button type="button" className="vfc-secondary" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
              {list.loadingMore ? i18n.t('followUps.loadingMore') : i18n.t('followUps.loadMore')}
            </button>
          )}
          {list.moreFailure && (
            <p role="alert" className="vfc-error">
              {describeApiFailure(list.moreFailure, clinic.timezone)}
            </p>
          )}
        </>
      )}
    </main>
  );
}
