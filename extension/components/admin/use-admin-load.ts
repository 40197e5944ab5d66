import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure, ApiResult } from '../../lib/api-client';
import { apiAdminTokenItem, apiBaseUrlItem } from '../../lib/settings';

export type LoadState<T> = { kind: 'loading' } | { kind: 'ok'; data: T } | { kind: 'error'; failure: ApiFailure };

/**
 * Loads admin data through the background worker, again on `reload()`, and again whenever the saved API URL or admin
 * token changes (so saving a token in the Connection section fills the admin sections without a page reload).
 * A `reload()` keeps showing the previous data until the new answer comes.
 */
export function useAdminLoad<T>(load: () => Promise<ApiResult<T>>): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    const unwatch = [apiAdminTokenItem.watch(reload), apiBaseUrlItem.watch(reload)];
    return () => unwatch.forEach((stop) => stop());
  }, [reload]);

  useEffect(() => {
    let current = true;
    void loadRef.current().then((result) => {
      if (!current) return;
      setState(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', failure: result });
    });
    return () => {
      current = false;
    };
  }, [tick]);

  return { state, reload };
}
