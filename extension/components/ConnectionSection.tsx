import { useEffect, useState } from 'react';
import type { ClinicSummary } from '@vfc/shared';
import { describeApiFailure } from '../lib/error-text';
import { backgroundApi, type ExtensionApi } from '../lib/messages';
import { isHttpUrl, loadConnection, saveConnection } from '../lib/settings';

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'ok'; clinic: ClinicSummary } | { kind: 'error'; message: string };

/** API base URL + staff token: Save, and Test connection (`GET /clinic` with the values as typed). */
export function ConnectionSection(props: { api?: Pick<ExtensionApi, 'getClinic'> }) {
  const api = props.api ?? backgroundApi;
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const urlError = baseUrl.trim() && !isHttpUrl(baseUrl.trim()) ? 'Enter a full URL such as https://api.example.com' : undefined;

  useEffect(() => {
    void loadConnection().then((connection) => {
      setBaseUrl(connection.baseUrl);
      setToken(connection.token);
      setLoaded(true);
    });
  }, []);

  async function save() {
    setSaving(true);
    await saveConnection({ baseUrl, token });
    setSaving(false);
    setSaved('Saved.');
  }

  async function testConnection() {
    setTest({ kind: 'testing' });
    const result = await api.getClinic({ baseUrl: baseUrl.trim(), token: token.trim() });
    setTest(result.ok ? { kind: 'ok', clinic: result.data } : { kind: 'error', message: describeApiFailure(result) });
  }

  return (
    <form
      className="vfc-connection"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="vfc-field">
        <label htmlFor="vfc-api-url">API base URL</label>
        <input
          id="vfc-api-url"
          type="url"
          value={baseUrl}
          disabled={!loaded}
          placeholder="https://…execute-api…amazonaws.com"
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? 'vfc-api-url-error' : undefined}
          onChange={(e) => {
            setBaseUrl(e.target.value);
            setSaved(undefined);
          }}
        />
        {urlError && <p id="vfc-api-url-error" className="vfc-error">{urlError}</p>}
      </div>
      <div className="vfc-field">
        <label htmlFor="vfc-api-token">Staff API token</label>
        <input
          id="vfc-api-token"
          type="password"
          autoComplete="off"
          value={token}
          disabled={!loaded}
          onChange={(e) => {
            setToken(e.target.value);
            setSaved(undefined);
          }}
        />
      </div>
      <div className="vfc-actions">
        <button type="submit" className="vfc-primary" disabled={!loaded || saving || Boolean(urlError)}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="vfc-secondary" disabled={!loaded || test.kind === 'testing' || !baseUrl.trim() || !token.trim() || Boolean(urlError)} onClick={() => void testConnection()}>
          {test.kind === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      <div role="status" aria-live="polite" data-testid="connection-result">
        {test.kind === 'ok' && (
          <p className="vfc-ok">
            Connected to <strong>{test.clinic.name}</strong> · timezone {test.clinic.timezone}
            {test.clinic.demoMode ? ' · Demo mode' : ''}
          </p>
        )}
        {test.kind === 'error' && <p className="vfc-error">{test.message}</p>}
      </div>
    </form>
  );
}
