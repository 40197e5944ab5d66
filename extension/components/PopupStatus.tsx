import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ClinicSummary } from '@vfc/shared';
import { describeApiFailure } from '../lib/error-text';
import { backgroundApi, type ExtensionApi } from '../lib/messages';

/** The popup: whether the saved connection works (clinic name, timezone) and a link to the options. */
export function PopupStatus(props: { api?: Pick<ExtensionApi, 'getClinic'> }) {
  const api = props.api ?? backgroundApi;
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ok'; clinic: ClinicSummary } | { kind: 'error'; message: string }>({ kind: 'loading' });

  useEffect(() => {
    void api.getClinic().then((result) =>
      setState(result.ok ? { kind: 'ok', clinic: result.data } : { kind: 'error', message: describeApiFailure(result) }),
    );
  }, [api]);

  return (
    <main className="vfc-popup">
      <h1>Vet Follow-up Calls</h1>
      <div role="status" aria-live="polite">
        {state.kind === 'loading' && <p>Checking the connection…</p>}
        {state.kind === 'ok' && (
          <p className="vfc-ok">
            Connected to <strong>{state.clinic.name}</strong> ({state.clinic.timezone}){state.clinic.demoMode ? ' · Demo mode' : ''}
          </p>
        )}
        {state.kind === 'error' && <p className="vfc-error">{state.message}</p>}
      </div>
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
        Open options
      </a>
    </main>
  );
}
