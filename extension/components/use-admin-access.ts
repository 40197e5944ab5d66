import { useEffect, useState } from 'react';
import { backgroundApi, type ExtensionApi } from '../lib/messages';
import { apiAdminTokenItem, apiBaseUrlItem, loadAdminConnection } from '../lib/settings';

/**
 * May this browser's person use the admin sections? `checking` at first; `admin` when a saved admin token is one
 * (`GET /clinic` with it answers `role: 'admin'`); `none` without an admin token; `refused` when the saved admin token
 * is not an admin's (or the API did not accept it). Checked again whenever the URL or the admin token is saved.
 */
export type AdminAccess = 'checking' | 'admin' | 'none' | 'refused';

export function useAdminAccess(api: Pick<ExtensionApi, 'getClinic'> = backgroundApi): AdminAccess {
  const [access, setAccess] = useState<AdminAccess>('checking');
  useEffect(() => {
    let current = 0;
    const check = async () => {
      const run = ++current;
      const connection = await loadAdminConnection();
      let next: AdminAccess;
      if (!connection.baseUrl || !connection.token) next = 'none';
      else {
        const answer = await api.getClinic(connection);
        next = answer.ok && answer.data.role === 'admin' ? 'admin' : 'refused';
      }
      if (run === current) setAccess(next);
    };
    void check();
    const unwatch = [apiAdminTokenItem.watch(() => void check()), apiBaseUrlItem.watch(() => void check())];
    return () => {
      current = -1;
      unwatch.forEach((stop) => stop());
    };
  }, [api]);
  return access;
}
