import { useCallback, useEffect, useRef, useState } from 'react';
import type { Call } from '@vfc/shared';
import type { ApiFailure } from '../lib/api-client';
import type { ExtensionApi } from '../lib/messages';
import { callsThatMoveTheBadge } from '../lib/call-changes';
import { nextReadDelay } from '../lib/poll-policy';
import { startPoller, type Poller, type VisibilitySource } from '../lib/poller';

/**
 * The consultation's calls from the server (nothing kept locally, so a refresh loses nothing), read on the polling
 * budget of lib/poll-policy.ts (live calls every 4 s, scheduled ones at their due time or once a minute, backoff
 * after failures, nothing while the tab is hidden). When a shown call ends, `onCallEnded` runs (the badge refresh).
 */
export function useCalls(
  consultationId: string,
  api: Pick<ExtensionApi, 'listCalls'>,
  options: { onCallEnded?: () => void; visibility?: VisibilitySource } = {},
) {
  const [calls, setCalls] = useState<Call[] | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const poller = useRef<Poller | undefined>(undefined);
  const shown = useRef<Call[] | undefined>(undefined);
  const onCallEnded = useRef(options.onCallEnded);
  onCallEnded.current = options.onCallEnded;

  const refresh = useCallback(() => poller.current?.refresh(), []);

  useEffect(() => {
    shown.current = undefined;
    const started = startPoller<Call[]>({
      visibility: options.visibility,
      read: async () => {
        const result = await api.listCalls(consultationId);
        if (!result.ok) {
          setFailure(result);
          return { ok: false };
        }
        if (callsThatMoveTheBadge(shown.current, result.data.items).length > 0) onCallEnded.current?.();
        shown.current = result.data.items;
        setCalls(result.data.items);
        setFailure(undefined);
        return { ok: true, value: result.data.items };
      },
      nextDelay: (last, failures, now) => nextReadDelay(last ?? [], now, failures),
    });
    poller.current = started;
    return () => {
      started.stop();
      poller.current = undefined;
    };
  }, [api, consultationId, options.visibility]);

  return { calls, failure, refresh };
}
