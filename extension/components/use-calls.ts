import { useCallback, useEffect, useRef, useState } from 'react';
import { isTerminal, type Call } from '@vfc/shared';
import type { ApiFailure } from '../lib/api-client';
import type { ExtensionApi } from '../lib/messages';

/** Poll period while any call of the consultation is not terminal (ms). */
export const CALL_POLL_INTERVAL_MS = 2000;

/**
 * The consultation's calls from the server (nothing kept locally, so a refresh loses nothing), polled every 2 s
 * while any is `scheduled`/`dialing`/`in_progress`, and not at all once every call is terminal.
 */
export function useCalls(consultationId: string, api: Pick<ExtensionApi, 'listCalls'>) {
  const [calls, setCalls] = useState<Call[] | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const alive = useRef(true);

  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    void api.listCalls(consultationId).then((result) => {
      if (cancelled || !alive.current) return;
      if (result.ok) {
        setCalls(result.data.items);
        setFailure(undefined);
        if (result.data.items.some((call) => !isTerminal(call.status))) {
          timer = setTimeout(() => setTick((t) => t + 1), CALL_POLL_INTERVAL_MS);
        }
      } else {
        setFailure(result);
      }
    });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, consultationId, tick]);

  return { calls, failure, refresh };
}
