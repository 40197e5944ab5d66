import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { Call, ClinicSummary } from '@vfc/shared';
import type { ApiFailure } from '../lib/api-client';
import { formatClinicTime } from '../lib/clinic-time';
import { draftStore } from '../lib/draft-store';
import { describeApiFailure } from '../lib/error-text';
import type { DialogValues } from '../lib/form-errors';
import { backgroundApi, type ExtensionApi } from '../lib/messages';
import type { NeoDraftAnswer } from '../lib/neo-draft';
import { readConsultation, type ConsultationRead } from '../lib/neo-page';
import { panelCollapsedItem } from '../lib/panel-state';
import { CallList } from './CallList';
import { dialogValuesFromDraft, ScheduleCallDialog } from './ScheduleCallDialog';
import { useCalls } from './use-calls';

export interface ConsultationPanelProps {
  consultationId: string;
  /** The Neo page's origin (page-data and client pages are read from it with the staff's session). */
  origin: string;
  api?: ExtensionApi;
  /** Reads the consultation from Neo; defaults to `readConsultation` with the page's fetch and the worker's parsing. */
  read?: (origin: string, consultationId: string) => Promise<ConsultationRead>;
}

/**
 * The extension's UI on a Neo consultation page: the **Schedule call** button, the consultation's calls with live
 * status (read on the polling budget of lib/poll-policy.ts; a call that ends re-counts the toolbar badge), the
 * dialog, and **All follow-ups**, which opens the clinic-wide side panel. Shown bottom-right, independent of Neo's DOM,
 * below Neo's own overlays; it collapses to a small tab (remembered across pages) so it never sits on Neo's controls.
 */
export function ConsultationPanel(props: ConsultationPanelProps) {
  const api = props.api ?? backgroundApi;
  const [clinic, setClinic] = useState<ClinicSummary | undefined>(undefined);
  const [clinicFailure, setClinicFailure] = useState<ApiFailure | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  const [dialog, setDialog] = useState<{ initial: DialogValues; warning?: string } | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [collapsed, setCollapsed] = useState<boolean | undefined>(undefined);
  const scheduleButton = useRef<HTMLButtonElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
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
    void panelCollapsedItem
      .getValue()
      .catch(() => false)
      .then((value) => !cancelled && setCollapsed(value));
    return () => {
      cancelled = true;
    };
  }, [api]);

  function setCollapsedAndRemember(next: boolean) {
    setCollapsed(next);
    void panelCollapsedItem.setValue(next).catch(() => undefined);
    // The toggle is re-rendered in the other state: keep keyboard focus on it.
    setTimeout(() => toggleButton.current?.focus(), 0);
  }

  async function open() {
    setOpening(true);
    setNotice(undefined);
    // Session storage may be unavailable (e.g. the worker has not granted content scripts access yet): start fresh.
    const saved = await draftStore.load(props.consultationId).catch(() => null);
    if (saved) {
      setDialog({ initial: { ...dialogValuesFromDraft({ consultationId: props.consultationId, ownerName: '', petName: '', phoneNumber: '', vetName: '', dischargeSummary: '', notes: '' }), ...saved } });
    } else {
      const read = await (props.read ?? ((origin, id) => readConsultation(origin, id, neoDrafter(api))))(props.origin, props.consultationId);
      setDialog({ initial: dialogValuesFromDraft(read.draft), ...(read.warning ? { warning: read.warning } : {}) });
    }
    setOpening(false);
  }

  function closeDialog() {
    setDialog(undefined);
    setTimeout(() => scheduleButton.current?.focus(), 0);
  }

  function scheduled(call: Call) {
    closeDialog();
    const when = clinic ? formatClinicTime(call.scheduledFor, clinic.timezone) : call.scheduledFor;
    const scheduledText = i18n.t('panel.scheduledFor', [when]);
    setNotice(call.requestedFor ? `${scheduledText} ${call.statusReason ?? i18n.t('panel.timeMoved')}` : scheduledText);
    refresh();
  }

  if (collapsed === undefined) return null;
  if (collapsed) {
    return (
      <button ref={toggleButton} type="button" className="vfc-tab" aria-expanded="false" onClick={() => setCollapsedAndRemember(false)}>
        {calls && calls.length > 0 ? i18n.t('panel.tabCount', [String(calls.length)]) : i18n.t('panel.tab')}
      </button>
    );
  }

  const failure = clinicFailure ?? callsFailure;
  return (
    <section className="vfc-panel" aria-label={i18n.t('panel.title')}>
      <header className="vfc-panel-head">
        <h2 className="vfc-panel-title">
          {i18n.t('panel.title')}
          {clinic && <span className="vfc-muted"> · {clinic.name}</span>}
        </h2>
        <button
          ref={toggleButton}
          type="button"
          className="vfc-secondary vfc-collapse"
          aria-expanded="true"
          aria-label={i18n.t('panel.hideLabel')}
          onClick={() => setCollapsedAndRemember(true)}
        >
          {i18n.t('panel.hide')}
        </button>
      </header>
      {clinic?.demoMode && <p className="vfc-demo">{i18n.t('panel.demoMode')}</p>}
      <div role="alert">
        {failure && (
          <p className="vfc-error" data-testid="panel-error">
            {describeApiFailure(failure)}
          </p>
        )}
      </div>
      <div role="status">
        {notice && (
          <p className="vfc-notice" data-testid="panel-notice">
            {notice}
          </p>
        )}
      </div>
      <button ref={scheduleButton} type="button" className="vfc-primary" onClick={() => void open()} disabled={!clinic || opening}>
        {opening ? i18n.t('panel.reading') : i18n.t('panel.scheduleCall')}
      </button>
      <button type="button" className="vfc-secondary" onClick={() => void api.openFollowUps()}>
        {i18n.t('panel.allFollowUps')}
      </button>
      {clinic && calls && <CallList calls={calls} timeZone={clinic.timezone} api={api} onChanged={refresh} />}
      {!calls && !callsFailure && <p className="vfc-muted">{i18n.t('panel.loading')}</p>}
      {dialog && clinic && (
        <ScheduleCallDialog
          clinic={clinic}
          initial={dialog.initial}
          api={api}
          {...(dialog.warning ? { warning: dialog.warning } : {})}
          onClose={closeDialog}
          onScheduled={scheduled}
        />
      )}
    </section>
  );
}

/** Parsing of what Neo answered, done by the background worker (a failure there reads as "not understood"). */
function neoDrafter(api: Pick<ExtensionApi, 'neoDraft'>) {
  return async (request: Parameters<ExtensionApi['neoDraft']>[0]): Promise<NeoDraftAnswer> => {
    const answer = await api.neoDraft(request);
    if (answer.ok) return answer.data;
    return { understood: false, draft: { consultationId: request.consultationId, ownerName: '', petName: '', phoneNumber: '', vetName: '', dischargeSummary: '', notes: '' }, phoneSource: 'none' };
  };
}
