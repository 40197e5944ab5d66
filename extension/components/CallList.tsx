import { useState } from 'react';
import type { Call } from '@vfc/shared';
import { formatClinicTime } from '../lib/clinic-time';
import { describeApiFailure } from '../lib/error-text';
import type { ExtensionApi } from '../lib/messages';

const STATUS_LABELS: Record<Call['status'], string> = {
  scheduled: 'Scheduled',
  dialing: 'Dialing',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One call: status, time in the clinic's zone, outcome, reason, and Cancel while it is still scheduled. */
export function CallItem(props: { call: Call; timeZone: string; api: Pick<ExtensionApi, 'cancelCall'>; onChanged: () => void }) {
  const { call, timeZone } = props;
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const outcome = call.outcome;

  async function cancel() {
    setCancelling(true);
    setError(undefined);
    const result = await props.api.cancelCall(call.callId);
    setCancelling(false);
    if (!result.ok) setError(describeApiFailure(result));
    props.onChanged();
  }

  return (
    <li className="vfc-call" data-call-id={call.callId} data-status={call.status}>
      <div className="vfc-call-head">
        <span className={`vfc-badge vfc-badge-${call.status}`} data-testid="call-status">
          {STATUS_LABELS[call.status]}
        </span>{' '}
        <span>
          {call.petName} · {formatClinicTime(call.scheduledFor, timeZone)}
        </span>
      </div>
      {call.attempt > 1 && <div className="vfc-muted">Attempt {call.attempt}</div>}
      {call.requestedFor && call.requestedFor !== call.scheduledFor && (
        <div className="vfc-muted">Requested for {formatClinicTime(call.requestedFor, timeZone)}</div>
      )}
      {call.statusReason && (call.status === 'failed' || call.status === 'cancelled' || call.requestedFor) && (
        <div className="vfc-reason" data-testid="call-status-reason">{call.statusReason}</div>
      )}
      {outcome?.summary && <p className="vfc-summary" data-testid="call-summary">{outcome.summary}</p>}
      {(outcome?.sentiment || outcome?.inVoicemail !== undefined) && (
        <div className="vfc-muted">
          {outcome.sentiment && <span>Sentiment: {outcome.sentiment}</span>}
          {outcome.sentiment && outcome.inVoicemail !== undefined && ' · '}
          {outcome.inVoicemail !== undefined && <span>{outcome.inVoicemail ? 'Reached voicemail' : 'Answered by a person'}</span>}
        </div>
      )}
      {call.status === 'scheduled' && (
        <button type="button" className="vfc-secondary" onClick={() => void cancel()} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
      {error && <div role="alert" className="vfc-error">{error}</div>}
    </li>
  );
}

/** The consultation's calls, newest first. */
export function CallList(props: { calls: Call[]; timeZone: string; api: Pick<ExtensionApi, 'cancelCall'>; onChanged: () => void }) {
  if (props.calls.length === 0) return <p className="vfc-muted">No follow-up calls for this consultation yet.</p>;
  return (
    <ul className="vfc-calls" aria-label="Follow-up calls">
      {props.calls.map((call) => (
        <CallItem key={call.callId} call={call} timeZone={props.timeZone} api={props.api} onChanged={props.onChanged} />
      ))}
    </ul>
  );
}
