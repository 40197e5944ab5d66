import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { ClinicSummary } from '@vfc/shared';
import { describeApiFailure } from '../lib/error-text';
import { adminApi, backgroundApi, type AdminApi, type ExtensionApi } from '../lib/messages';
import { loadManagedSettings } from '../lib/managed-settings';
import { apiAdminTokenItem, loadConnection, saveAdminToken, saveConnection } from '../lib/settings';
import { urlProblem } from '../lib/url-policy';
import { Field } from './Field';

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'ok'; clinic: ClinicSummary } | { kind: 'error'; message: string };

type AdminTestState = { kind: 'idle' } | { kind: 'ok' } | { kind: 'error'; message: string };

/**
 * API base URL + staff token + optional admin token: Save, and Test connection (`GET /clinic` with the values as
 * typed; with an admin token also `GET /clinic/settings` with it), which saves what it tested when it worked: the URL
 * and staff token when the API accepted them, the admin token when it was accepted as an admin's. The admin token is
 * used only by the admin sections. Saving re-counts the toolbar badge with the new connection.
 */
/**
 * The message under the API URL field, `undefined` when the URL may be saved: not a full http(s) URL, or (in the
 * production build, or when `production` is true) a plain `http://` URL to another computer (lib/url-policy.ts).
 */
export function apiUrlError(baseUrl: string, production?: boolean): string | undefined {
  if (!baseUrl.trim()) return undefined;
  const problem = urlProblem(baseUrl, production);
  if (problem === 'invalid') return i18n.t('connection.apiUrlInvalid');
  if (problem === 'insecure') return i18n.t('connection.apiUrlInsecure');
  return undefined;
}

export function ConnectionSection(props: {
  api?: Pick<ExtensionApi, 'getClinic' | 'refreshFollowUps'>;
  adminApi?: Pick<AdminApi, 'getClinicSettings'>;
  /** Refuse plain http:// to other computers (default: in the production build). */
  production?: boolean;
}) {
  const api = props.api ?? backgroundApi;
  const admin = props.adminApi ?? adminApi;
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [adminToken, setAdminToken] = useState('');
  /** The API URL was preset by the clinic's IT (managed storage): shown, not editable. */
  const [urlLocked, setUrlLocked] = useState(false);
  const [adminTest, setAdminTest] = useState<AdminTestState>({ kind: 'idle' });
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const urlError = apiUrlError(baseUrl, props.production);

  useEffect(() => {
    void Promise.all([loadConnection(), apiAdminTokenItem.getValue(), loadManagedSettings()]).then(([connection, savedAdminToken, managed]) => {
      setBaseUrl(connection.baseUrl);
      setUrlLocked(managed.apiUrl !== undefined);
      setToken(connection.token);
      setAdminToken(savedAdminToken);
      setLoaded(true);
    });
  }, []);

  async function save() {
    setSaving(true);
    await Promise.all([saveConnection({ baseUrl, token }), saveAdminToken(adminToken)]);
    setSaving(false);
    setSaved(i18n.t('connection.saved'));
    // The toolbar badge counts the calls of the clinic of this connection.
    void api.refreshFollowUps();
  }

  async function testConnection() {
    setTest({ kind: 'testing' });
    setAdminTest({ kind: 'idle' });
    const [result, adminResult] = await Promise.all([
      api.getClinic({ baseUrl: baseUrl.trim(), token: token.trim() }),
      adminToken.trim() ? admin.getClinicSettings({ baseUrl: baseUrl.trim(), token: adminToken.trim() }) : undefined,
    ]);
    setTest(result.ok ? { kind: 'ok', clinic: result.data } : { kind: 'error', message: describeApiFailure(result) });
    // What worked is saved: the next page load (and the panel on Neo pages) uses the connection just tested.
    if (result.ok) {
      await Promise.all([saveConnection({ baseUrl, token }), adminResult?.ok ? saveAdminToken(adminToken) : undefined]);
      setSaved(adminResult && !adminResult.ok ? i18n.t('connection.savedNotAdmin') : i18n.t('connection.saved'));
      void api.refreshFollowUps();
    }
    if (adminResult) {
      setAdminTest(
        adminResult.ok
          ? { kind: 'ok' }
          : {
              kind: 'error',
              message:
                adminResult.status === 403 && adminResult.error.error === 'forbidden'
                  ? i18n.t('connection.notAdminToken')
                  : i18n.t('connection.adminTokenFailed', [describeApiFailure(adminResult)]),
            },
      );
    }
  }

  return (
    <form
      className="vfc-connection"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field id="vfc-api-url" label={i18n.t('connection.apiUrl')} error={urlError} errorLabel="" hint={urlLocked ? i18n.t('connection.setByIt') : undefined}>
        {(control) => (
          <input
            {...control}
            type="url"
            value={baseUrl}
            disabled={!loaded}
            readOnly={urlLocked}
            placeholder="https://…execute-api…amazonaws.com"
            onChange={(e) => {
              setBaseUrl(e.target.value);
              setSaved(undefined);
            }}
          />
        )}
      </Field>
      <Field id="vfc-api-token" label={i18n.t('connection.staffToken')}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            value={token}
            disabled={!loaded}
            onChange={(e) => {
              setToken(e.target.value);
              setSaved(undefined);
            }}
          />
        )}
      </Field>
      <Field
        id="vfc-api-admin-token"
        label={i18n.t('connection.adminToken')}
        hint={i18n.t('connection.adminTokenHint')}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            value={adminToken}
            disabled={!loaded}
            onChange={(e) => {
              setAdminToken(e.target.value);
              setSaved(undefined);
            }}
          />
        )}
      </Field>
      <div className="vfc-actions">
        <button type="submit" className="vfc-primary" disabled={!loaded || saving || Boolean(urlError)}>
          {saving ? i18n.t('connection.saving') : i18n.t('connection.save')}
        </button>
        <button type="button" className="vfc-secondary" disabled={!loaded || test.kind === 'testing' || !baseUrl.trim() || !token.trim() || Boolean(urlError)} onClick={() => void testConnection()}>
          {test.kind === 'testing' ? i18n.t('connection.testing') : i18n.t('connection.test')}
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      <div role="status" aria-live="polite" data-testid="connection-result">
        {test.kind === 'ok' && (
          <p className="vfc-ok">
            {test.clinic.demoMode
              ? i18n.t('connection.connectedDemo', [test.clinic.name, test.clinic.timezone])
              : i18n.t('connection.connected', [test.clinic.name, test.clinic.timezone])}
          </p>
        )}
        {test.kind === 'error' && <p className="vfc-error">{test.message}</p>}
      </div>
      <div role="status" aria-live="polite" data-testid="admin-connection-result">
        {adminTest.kind === 'ok' && <p className="vfc-ok">{i18n.t('connection.adminAccepted')}</p>}
        {adminTest.kind === 'error' && <p className="vfc-error">{adminTest.message}</p>}
      </div>
    </form>
  );
}
