import { useEffect, useState } from 'react';
import type { Call, ClinicSummary } from '@vfc/shared';
import type { ApiFailure } from '../lib/api-client';
import { formatClinicTime } from '../lib/clinic-time';
import { draftStore } from '../lib/draft-store';
import { describeApiFailure } from '../lib/error-text';
import type { DialogValues } from '../lib/form-errors';
import { backgroundApi, type ExtensionApi } from '../lib/messages';
import { readConsultation, type ConsultationRead } from '../lib/neo-page';
import { CallList } from './CallList';
import { dialogValuesFromDraft, ScheduleCallDialog } from './ScheduleCallDialog';
import { useCalls } from './use-calls';

export interface ConsultationPanelProps {
  consultationId: string;
  /** The Neo page's origin (page-data and client pages are read from it with the staff's session). */
  origin: string;
  api?: ExtensionApi;
  /** Reads the consultation from Neo; defaults to `readConsultation` with the page's fetch. */
  read?: (origin: string, consultationId: string) => Promise<ConsultationRead>;
}

/**
 * The extension's UI on a Neo consultation page: the **Schedule call** button, the consultation's calls with live
 * status (read on the polling budget of lib/poll-policy.ts; a call that ends re-counts the toolbar badge), the
 * dialog, and **All follow-ups**, which opens the clinic-wide side panel. Shown bottom-right, independent of Neo's DOM.
 */
export function ConsultationPanel(props: ConsultationPanelProps) {
  const api = props.api ?? backgroundApi;
  const [clinic, setClinic] = useState<ClinicSummary | undefined>(undefined);
  const [clinicFailure, setClinicFailure] = useState<ApiFailure | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  const [dialog, setDialog] = useState<{ initial: DialogValues; warning?: string } | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const { calls, failure: callsFailure, refresh } = useCalls(props.consultationId, api, {
    onCallEnded: () => void api.refreshFollowUps(),
  });

  useEffect(() => {
    let cancelled = false;
    void api.getClinic().then((result) => {
      if (cancelled) return;
      if (result.ok) setClinic(result.data);
      else setClinicFailure(result);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  async function open() {
    setOpening(true);
    setNotice(undefined);
    // Session storage may be unavailable (e.g. the worker has not granted content scripts access yet): start fresh.
    const saved = await draftStore.load(props.consultationId).catch(() => null);
    if (saved) {
      setDialog({ initial: { ...dialogValuesFromDraft({ consultationId: props.consultationId, ownerName: '', petName: '', phoneNumber: '', vetName: '', dischargeSummary: '', notes: '' }), ...saved } });
    } else {
      const read = await (props.read ?? readConsultation)(props.origin, props.consultationId);
      setDialog({ initial: dialogValuesFromDraft(read.draft), ...(read.warning ? { warning: read.warning } : {}) });
    }
    setOpening(false);
  }

  function scheduled(call: Call) {
    setDialog(undefined);
    const when = clinic ? formatClinicTime(call.scheduledFor, clinic.timezone) : call.scheduledFor;
    setNotice(call.requestedFor ? `Call scheduled for ${when}. ${call.statusReason ?? 'The time was moved.'}` : `Call scheduled for ${when}.`);
    refresh();
  }

  const failure = clinicFailure ?? callsFailure;
  return (
    <section className="vfc-panel" aria-label="Follow-up calls">
      <header className="vfc-panel-head">
        <strong>Follow-up calls</strong>
        {clinic && <span className="vfc-muted"> · {clinic.name}</span>}
      </header>
      {clinic?.demoMode && <p className="vfc-demo">Demo mode</p>}
      {failure && (
        <p role="alert" className="vfc-error" data-testid="panel-error">
          {describeApiFailure(failure)}
        </p>
      )}
      {notice && (
        <p role="status" className="vfc-notice" data-testid="panel-notice">
          {notice}
        </p>
      )}
      <button type="button" className="vfc-primary" onClick={() => void open()} disabled={!clinic || opening}>
        {opening ? 'Reading consultation…' : 'Schedule call'}
      </button>
      <button type="button" className="vfc-secondary" onClick={() => void api.openFollowUps()}>
        All follow-ups
      </button>
      {clinic && calls && <CallList calls={calls} timeZone={clinic.timezone} api={api} onChanged={refresh} />}
      {!calls && !callsFailure && <p className="vfc-muted">Loading calls…</p>}
      {dialog && clinic && (
        <ScheduleCallDialog
          clinic={clinic}
          initial={dialog.initial}
          api={api}
          {...(dialog.warning ? { warning: dialog.warning } : {})}
          onClose={() => setDialog(undefined)}
          onScheduled={scheduled}
        />
      )}
    </section>
  );
}
