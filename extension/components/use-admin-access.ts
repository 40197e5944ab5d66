import { useEffect, useState } from 'react';
import { backgroundApi, signInApi, type ExtensionApi, type SignInApi } from '../lib/messages';
import { apiAdminTokenItem, apiBaseUrlItem, loadAdminConnection, signInClientIdItem, signInIssuerItem } from '../lib/settings';
import { signedInItem } from '../lib/sign-in/signed-in-item';

/**
 * May this browser's person use the admin sections? `checking` at first. A signed-in person: `admin` when their ID
 * token's groups make them one, else `none` (a staff member sees no admin section and no admin error). Nobody signed
 * in: `admin` when a saved admin token is one
 * (`GET /clinic` with it answers `role: 'admin'`); `none` without an admin token; `refused` when the saved admin token
 * is not an admin's (or the API did not accept it). Checked again whenever the URL, the admin token, the sign-in
 * settings or who is signed in change.
 */
export type AdminAccess = 'checking' | 'admin' | 'none' | 'refused';

export function useAdminAccess(api: Pick<ExtensionApi, 'getClinic'> = backgroundApi, signIn: Pick<SignInApi, 'status'> = signInApi): AdminAccess {
  const [access, setAccess] = useState<AdminAccess>('checking');
  useEffect(() => {
    let current = 0;
    const check = async () => {
      const run = ++current;
      const [connection, person] = await Promise.all([loadAdminConnection(), signIn.status()]);
      let next: AdminAccess;
      if (person.ok && person.data.state === 'signed_in') next = person.data.profile.role === 'admin' ? 'admin' : 'none';
      else if (!connection.baseUrl || !connection.token) next = 'none';
      else {
        const answer = await api.getClinic(connection);
        next = answer.ok && answer.data.role === 'admin' ? 'admin' : 'refused';
      }
      if (run === current) setAccess(next);
    };
    void check();
    const unwatch = [apiAdminTokenItem, apiBaseUrlItem, signInIssuerItem, signInClientIdItem, signedInItem].map((item) =>
      (item.watch as (cb: () => void) => () => void)(() => void check()),
    );
    return () => {
      current = -1;
      unwatch.forEach((stop) => stop());
    };
  }, [api, signIn]);
  return access;
}
