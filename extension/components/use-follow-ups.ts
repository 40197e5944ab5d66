import { useCallback, useEffect, useRef, useState } from 'react';
import type { Call } from '@vfc/shared';
import type { ApiFailure, ClinicCallsQuery } from '../lib/api-client';
import { appendPage, refreshFirstPage, replaceCall, type LoadedPages } from '../lib/follow-up-pages';
import { callsThatMoveTheBadge } from '../lib/call-changes';
import type { ExtensionApi } from '../lib/messages';
import { listReadDelay } from '../lib/poll-policy';
import { startPoller, type Poller, type VisibilitySource } from '../lib/poller';

export type FollowUpsApi = Pick<ExtensionApi, 'listClinicCalls' | 'refreshFollowUps'>;

/**
 * The clinic-wide list of the side panel for one query: the first page read at once and again on the polling
 * budget (lib/poll-policy.ts `listReadDelay`: live calls every 4 s, otherwise once a minute, backoff after
 * failures, nothing while hidden), "Load more" pages with `nextCursor`, and local replacement after a resolution.
 * When a shown call ends, the badge is re-counted.
 */
export function useFollowUps(api: FollowUpsApi, query: ClinicCallsQuery | undefined, options: { visibility?: VisibilitySource } = {}) {
  const [loaded, setLoaded] = useState<LoadedPages | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<ApiFailure | undefined>(undefined);
  const current = useRef<LoadedPages | undefined>(undefined);
  const poller = useRef<Poller | undefined>(undefined);
  const queryKey = JSON.stringify(query ?? null);

  const update = useCallback((next: LoadedPages | undefined) => {
    current.current = next;
    setLoaded(next);
  }, []);

  useEffect(() => {
    update(undefined);
    setFailure(undefined);
    setMoreFailure(undefined);
    if (!query) return undefined;
    const started = startPoller<Call[]>({
      visibility: options.visibility,
      read: async () => {
        const result = await api.listClinicCalls(query);
        if (!result.ok) {
          setFailure(result);
          return { ok: false };
        }
        const before = current.current?.items;
        const next = refreshFirstPage(current.current, result.data);
        if (callsThatMoveTheBadge(before, next.items).length > 0) void api.refreshFollowUps();
        update(next);
        setFailure(undefined);
        return { ok: true, value: next.items };
      },
      nextDelay: (last, failures, now) => listReadDelay(last ?? [], now, failures),
    });
    poller.current = started;
    return () => {
      started.stop();
      poller.current = undefined;
    };
    // `queryKey` stands for `query` (a new object each render with the same content must not restart the list).
  }, [api, queryKey, options.visibility, update]);

  const loadMore = useCallback(async () => {
    const from = current.current;
    if (!query || !from?.nextCursor) return;
    setLoadingMore(true);
    setMoreFailure(undefined);
    const result = await api.listClinicCalls({ ...query, cursor: from.nextCursor });
    setLoadingMore(false);
    if (!result.ok) {
      setMoreFailure(result);
      return;
    }
    // A refresh may have run meanwhile: append to what is shown now, if it still ends where this page starts.
    const shown = current.current;
    if (shown && shown.nextCursor === from.nextCursor) update(appendPage(shown, result.data));
  }, [api, queryKey, update]);

  const replace = useCallback(
    (call: Call) => {
      if (current.current) update(replaceCall(current.current, call));
    },
    [update],
  );

  const refresh = useCallback(() => poller.current?.refresh(), []);

  return { loaded, failure, loadingMore, moreFailure, loadMore, replace, refresh };
}
