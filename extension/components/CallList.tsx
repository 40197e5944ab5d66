import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { Call } from '@vfc/shared';
import { ATTENTION_LABELS, REASON_LABELS, STATUS_LABELS } from '../lib/attention-labels';
import { callNotices } from '../lib/call-notices';
import { formatClinicTime, localizeInstants } from '../lib/clinic-time';
import { describeApiFailure } from '../lib/error-text';
import type { ExtensionApi } from '../lib/messages';
import { CallAuthors } from './CallAuthors';
import { RescheduleForm } from './RescheduleForm';

/** What the call list needs from the API. */
export type CallListApi = Pick<ExtensionApi, 'cancelCall' | 'rescheduleCall'>;

/** Said after a reschedule: the new time, and the server's reason when it adjusted the time asked for. */
export function rescheduledNotice(call: Call, timeZone: string): string {
  const at = formatClinicTime(call.scheduledFor, timeZone);
  if (!call.requestedFor || call.requestedFor === call.scheduledFor) return i18n.t('calls.rescheduledFor', [at]);
  const from = formatClinicTime(call.requestedFor, timeZone);
  return call.statusReason
    ? i18n.t('calls.rescheduledMovedWhy', [at, from, localizeInstants(call.statusReason, timeZone)])
    : i18n.t('calls.rescheduledMoved', [at, from]);
}

/**
 * One call: status, time in the clinic's zone, outcome, reason, calling-rules notices (opt-out, do-not-call list,
 * per-number cap), and Reschedule / Cancel while it is still scheduled.
 */
export function CallItem(props: { call: Call; timeZone: string; api: CallListApi; onChanged: () => void; now?: () => Date }) {
  const { call, timeZone } = props;
  const [cancelling, setCancelling] = useState(false);
  const [rescheduling, setRescheduling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const rescheduleButton = useRef<HTMLButtonElement>(null);
  const outcome = call.outcome;
  const notices = callNotices(call);

  // Buttons name the call they act on: "Cancel Bella's call at Tue 24 Nov 2026, 10:00:00 EST".
  const callName = i18n.t('calls.callName', [call.petName, formatClinicTime(call.scheduledFor, timeZone)]);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);

  async function cancel() {
    setConfirming(false);
    setCancelling(true);
    setError(undefined);
    setNotice(undefined);
    const result = await props.api.cancelCall(call.callId);
    setCancelling(false);
    if (!result.ok) setError(describeApiFailure(result, timeZone));
    props.onChanged();
  }

  const closeReschedule = () => {
    setRescheduling(false);
    setTimeout(() => rescheduleButton.current?.focus(), 0);
  };

  return (
    <li className="vfc-call" data-call-id={call.callId} data-status={call.status}>
      <div className="vfc-call-head">
        <span className={`vfc-badge vfc-badge-${call.status}`} data-testid="call-status">
          {STATUS_LABELS[call.status]()}
        </span>{' '}
        <span>
          {call.petName} · {formatClinicTime(call.scheduledFor, timeZone)}
        </span>
      </div>
      {call.attempt > 1 && <div className="vfc-muted">{i18n.t('calls.attempt', [String(call.attempt)])}</div>}
      {call.requestedFor && call.requestedFor !== call.scheduledFor && (
        <div className="vfc-muted">{i18n.t('calls.requestedFor', [formatClinicTime(call.requestedFor, timeZone)])}</div>
      )}
      <CallAuthors call={call} timeZone={timeZone} />
      {call.statusReason && (call.status === 'failed' || call.status === 'cancelled' || call.requestedFor) && (
        <div className="vfc-reason" data-testid="call-status-reason">{localizeInstants(call.statusReason, timeZone)}</div>
      )}
      {notices.length > 0 && (
        <ul className="vfc-flags" aria-label={i18n.t('calls.callingRules')}>
          {notices.map((n) => (
            <li key={n.kind} data-testid={`call-flag-${n.kind}`}>
              <span className={`vfc-badge vfc-flag-${n.kind}`}>{n.label}</span> <span className="vfc-muted">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
      {call.attention !== 'none' && (
        <div data-testid="call-attention">
          <span className={`vfc-badge vfc-level-${call.attention}`}>{ATTENTION_LABELS[call.attention]()}</span>{' '}
          <span className="vfc-muted">
            {call.attentionReasons.map((reason) => REASON_LABELS[reason]()).join(' · ')}
            {call.resolution ? ` · ${i18n.t('calls.resolvedBy', [call.resolution.resolvedBy])}` : ''}
          </span>
        </div>
      )}
      {outcome?.summary && <p className="vfc-summary" data-testid="call-summary">{outcome.summary}</p>}
      {(outcome?.sentiment || outcome?.inVoicemail !== undefined) && (
        <div className="vfc-muted">
          {outcome.sentiment && <span>{i18n.t('calls.sentiment', [outcome.sentiment])}</span>}
          {outcome.sentiment && outcome.inVoicemail !== undefined && ' · '}
          {outcome.inVoicemail !== undefined && <span>{outcome.inVoicemail ? i18n.t('calls.voicemail') : i18n.t('calls.answered')}</span>}
        </div>
      )}
      {call.status === 'scheduled' && !rescheduling && !confirming && (
        <div className="vfc-call-actions">
          <button
            ref={rescheduleButton}
            type="button"
            className="vfc-secondary"
            aria-label={i18n.t('calls.rescheduleLabel', [callName])}
            onClick={() => {
              setRescheduling(true);
              setError(undefined);
              setNotice(undefined);
            }}
            disabled={cancelling}
          >
            {i18n.t('calls.reschedule')}
          </button>
          <button
            ref={cancelButton}
            type="button"
            className="vfc-secondary"
            aria-label={cancelling ? i18n.t('calls.cancellingLabel', [callName]) : i18n.t('calls.cancelLabel', [callName])}
            onClick={() => {
              setConfirming(true);
              setTimeout(() => keepButton.current?.focus(), 0);
            }}
            disabled={cancelling}
          >
            {cancelling ? i18n.t('calls.cancelling') : i18n.t('calls.cancel')}
          </button>
        </div>
      )}
      {call.status === 'scheduled' && confirming && (
        <div className="vfc-confirm" role="group" aria-label={i18n.t('calls.confirmGroup', [callName])}>
          <p className="vfc-confirm-text">{i18n.t('calls.confirmText', [callName])}</p>
          <button type="button" className="vfc-danger" onClick={() => void cancel()}>
            {i18n.t('calls.yesCancel')}
          </button>
          <button
            ref={keepButton}
            type="button"
            className="vfc-secondary"
            onClick={() => {
              setConfirming(false);
              setTimeout(() => cancelButton.current?.focus(), 0);
            }}
          >
            {i18n.t('calls.keep')}
          </button>
        </div>
      )}
      {call.status === 'scheduled' && rescheduling && (
        <RescheduleForm
          call={call}
          timeZone={timeZone}
          api={props.api}
          now={props.now}
          onClose={closeReschedule}
          onRescheduled={(updated) => {
            setNotice(rescheduledNotice(updated, timeZone));
            closeReschedule();
            props.onChanged();
          }}
        />
      )}
      {notice && (
        <p role="status" className="vfc-notice" data-testid="reschedule-notice">
          {notice}
        </p>
      )}
      {error && <div role="alert" className="vfc-error">{error}</div>}
    </li>
  );
}

/** The consultation's calls, newest first. */
export function CallList(props: { calls: Call[]; timeZone: string; api: CallListApi; onChanged: () => void; now?: () => Date }) {
  if (props.calls.length === 0) return <p className="vfc-muted">{i18n.t('calls.none')}</p>;
  return (
    <ul className="vfc-calls" aria-label={i18n.t('calls.listLabel')}>
      {props.calls.map((call) => (
        <CallItem key={call.callId} call={call} timeZone={props.timeZone} api={props.api} onChanged={props.onChanged} now={props.now} />
      ))}
    </ul>
  );
}
