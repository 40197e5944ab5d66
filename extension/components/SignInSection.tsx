import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { loadManagedSettings } from '../lib/managed-settings';
import type { SignInApi } from '../lib/messages';
import { signInClientIdItem, signInIssuerItem } from '../lib/settings';
import { urlProblem } from '../lib/url-policy';
import { Field } from './Field';
import { SignInStatus } from './SignInStatus';

/** The redirect URL the issuer must allow (`https://<extension id>.chromiumapp.org/`); empty where the browser has none. */
function redirectUrl(): string {
  try {
    return browser.identity.getRedirectURL();
  } catch {
    return '';
  }
}

/**
 * The options page's "Staff sign-in": the issuer URL and app client id (locked, "Set by your clinic's IT.", when
 * preset in managed storage), the redirect URL to register at the issuer, and Sign in / Signed in as … · Sign out.
 */
export function SignInSection(props: { api?: SignInApi; production?: boolean }) {
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [locked, setLocked] = useState({ issuer: false, clientId: false });
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const [revision, setRevision] = useState(0);
  const problem = issuer.trim() ? urlProblem(issuer, props.production) : undefined;
  const issuerError = problem === 'invalid' ? i18n.t('signIn.issuerInvalid') : problem === 'insecure' ? i18n.t('signIn.issuerInsecure') : undefined;

  useEffect(() => {
    void Promise.all([loadManagedSettings(), signInIssuerItem.getValue(), signInClientIdItem.getValue()]).then(([managed, savedIssuer, savedClientId]) => {
      setIssuer(managed.issuer ?? savedIssuer);
      setClientId(managed.clientId ?? savedClientId);
      setLocked({ issuer: managed.issuer !== undefined, clientId: managed.clientId !== undefined });
      setLoaded(true);
    });
  }, []);

  async function save() {
    await Promise.all([
      locked.issuer ? undefined : signInIssuerItem.setValue(issuer.trim()),
      locked.clientId ? undefined : signInClientIdItem.setValue(clientId.trim()),
    ]);
    setSaved(true);
    // The status below is checked again for the new issuer.
    setRevision((r) => r + 1);
  }

  const redirect = redirectUrl();
  return (
    <form
      className="vfc-connection"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="vfc-muted">{i18n.t('signIn.intro')}</p>
      <Field id="vfc-sign-in-issuer" label={i18n.t('signIn.issuer')} error={issuerError} errorLabel="" hint={locked.issuer ? i18n.t('connection.setByIt') : undefined}>
        {(control) => (
          <input
            {...control}
            type="url"
            value={issuer}
            disabled={!loaded}
            readOnly={locked.issuer}
            placeholder="https://cognito-idp.…amazonaws.com/…"
            onChange={(e) => {
              setIssuer(e.target.value);
              setSaved(false);
            }}
          />
        )}
      </Field>
      <Field id="vfc-sign-in-client" label={i18n.t('signIn.clientId')} hint={locked.clientId ? i18n.t('connection.setByIt') : undefined}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={clientId}
            disabled={!loaded}
            readOnly={locked.clientId}
            onChange={(e) => {
              setClientId(e.target.value);
              setSaved(false);
            }}
          />
        )}
      </Field>
      {redirect && <p className="vfc-muted">{i18n.t('signIn.redirectUrl', [redirect])}</p>}
      {!(locked.issuer && locked.clientId) && (
        <div className="vfc-actions">
          <button type="submit" className="vfc-secondary" disabled={!loaded || Boolean(issuerError)}>
            {i18n.t('signIn.save')}
          </button>
        </div>
      )}
      {saved && <p role="status">{i18n.t('signIn.saved')}</p>}
      <SignInStatus key={revision} api={props.api} />
    </form>
  );
}
