import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { signInApi, type SignInApi } from '../lib/messages';
import type { SignedInProfile } from '../lib/sign-in/profile';
import type { SignInStatus as Status } from '../lib/sign-in/sign-in-service';
import { signedInItem } from '../lib/sign-in/signed-in-item';

/** "admin", "staff" or "no role in this clinic", in the browser's language. */
export function roleLabel(role: SignedInProfile['role']): string {
  if (role === 'admin') return i18n.t('signIn.roleAdmin');
  if (role === 'staff') return i18n.t('signIn.roleStaff');
  return i18n.t('signIn.roleNone');
}

/**
 * Sign-in for the options page and the side panel: "Sign in" (a busy "Signing in…" while the issuer's window is
 * open), or "Signed in as Dr. Rivera (admin) · Sign out"; errors in an alert. Renders nothing when sign-in is not set
 * up (no issuer): the clinic's API tokens are used then. Follows sign-in and sign-out made in another page.
 * @param onStatus called with each new status (the side panel reloads its list for the new person).
 */
export function SignInStatus(props: { api?: SignInApi; onStatus?: (status: Status) => void }) {
  const api = props.api ?? signInApi;
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [busy, setBusy] = useState<'signing_in' | 'signing_out' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const { onStatus } = props;

  useEffect(() => {
    let current = 0;
    const check = async () => {
      const run = ++current;
      const answer = await api.status();
      if (run !== current) return;
      if (answer.ok) setStatus(answer.data);
      else setError(answer.error.message);
    };
    void check();
    const unwatch = signedInItem.watch(() => void check());
    return () => {
      current = -1;
      unwatch();
    };
  }, [api]);

  useEffect(() => {
    if (status) onStatus?.(status);
  }, [status, onStatus]);

  async function run(kind: 'signing_in' | 'signing_out') {
    setBusy(kind);
    setError(undefined);
    const answer = kind === 'signing_in' ? await api.signIn() : await api.signOut();
    setBusy(undefined);
    if (answer.ok) setStatus(answer.data);
    else setError(answer.error.message);
  }

  if (status?.state === 'not_configured' && !error) return null;
  return (
    <div className="vfc-sign-in" data-testid="sign-in">
      <div role="status" aria-live="polite">
        {!status && !error && <span className="vfc-muted">{i18n.t('signIn.checking')}</span>}
        {status?.state === 'signed_in' && (
          <span>
            {i18n.t('signIn.signedInAs', [status.profile.name, roleLabel(status.profile.role)])}
            {' · '}
          </span>
        )}
        {status?.state === 'signed_out' && <span className="vfc-muted">{i18n.t('signIn.signedOut')} </span>}
      </div>
      {status?.state === 'signed_in' && (
        <button type="button" className="vfc-secondary" disabled={busy !== undefined} aria-busy={busy === 'signing_out'} onClick={() => void run('signing_out')}>
          {busy === 'signing_out' ? i18n.t('signIn.signingOut') : i18n.t('signIn.signOut')}
        </button>
      )}
      {status?.state === 'signed_out' && (
        <button type="button" className="vfc-primary" disabled={busy !== undefined} aria-busy={busy === 'signing_in'} onClick={() => void run('signing_in')}>
          {busy === 'signing_in' ? i18n.t('signIn.signingIn') : i18n.t('signIn.signIn')}
        </button>
      )}
      {error && (
        <p role="alert" className="vfc-error">
          {error}
        </p>
      )}
    </div>
  );
}
