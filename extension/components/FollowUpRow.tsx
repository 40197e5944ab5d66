import { useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { consultationPagePath, isTerminal, type Call } from '@vfc/shared';
import { ATTENTION_LABELS, REASON_LABELS, STATUS_LABELS } from '../lib/attention-labels';
import { formatClinicTime } from '../lib/clinic-time';
import { describeApiFailure } from '../lib/error-text';
import type { ExtensionApi } from '../lib/messages';
import { CallAuthors } from './CallAuthors';
import { Field } from './Field';

export type FollowUpRowApi = Pick<ExtensionApi, 'resolveCall' | 'reopenCall' | 'refreshFollowUps'>;

export interface FollowUpRowProps {
  call: Call;
  timeZone: string;
  api: FollowUpRowApi;
  /** The clinic's Neo origin (`https://…`), or empty when no Neo page was seen yet. */
  neoOrigin: string;
  /** Opens a URL in a new tab (default: `browser.tabs.create`). */
  openTab: (url: string) => void;
  /** The API answered the call after a resolution or a reopening. */
  onChanged: (call: Call) => void;
}

/**
 * One call of the Follow-ups list: attention, pet and owner, status, when (clinic time), reason chips and the
 * summary; "Details" expands to the owner's questions, the transcript, the recording, "Open consultation", and
 * Resolve (with a note) or Reopen.
 */
export function FollowUpRow(props: FollowUpRowProps) {
  const { call, timeZone } = props;
  const [expanded, setExpanded] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const detailsId = useId();
  const noteId = useId();
  const resolveButton = useRef<HTMLButtonElement>(null);
  const outcome = call.outcome;
  const final = isTerminal(call.status);

  async function send(action: () => ReturnType<FollowUpRowApi['resolveCall']>) {
    setBusy(true);
    setError(undefined);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setError(describeApiFailure(result, timeZone));
      return;
    }
    setResolving(false);
    setNote('');
    props.onChanged(result.data);
    void props.api.refreshFollowUps();
  }

  return (
    <li className={`vfc-followup vfc-attention-${call.attention}`} data-call-id={call.callId} data-attention={call.attention}>
      <div className="vfc-followup-head">
        {call.attention !== 'none' && (
          <span className={`vfc-badge vfc-level-${call.attention}`} data-testid="followup-attention">
            {ATTENTION_LABELS[call.attention]()}
          </span>
        )}{' '}
        <strong>{call.petName}</strong> · {call.ownerName}
      </div>
      <div className="vfc-muted">
        <span className={`vfc-badge vfc-badge-${call.status}`} data-testid="followup-status">
          {STATUS_LABELS[call.status]()}
        </span>{' '}
        {formatClinicTime(call.scheduledFor, timeZone)}
        {call.attempt > 1 && ` · ${i18n.t('followUps.row.attempt', [String(call.attempt)])}`}
      </div>
      <CallAuthors call={call} timeZone={timeZone} />
      {call.attentionReasons.length > 0 && (
        <ul className="vfc-chips" aria-label={i18n.t('followUps.row.reasons')}>
          {call.attentionReasons.map((reason) => (
            <li key={reason} className={`vfc-chip vfc-chip-${reason}`}>
              {REASON_LABELS[reason]()}
            </li>
          ))}
        </ul>
      )}
      {outcome?.summary && <p className="vfc-summary" data-testid="followup-summary">{outcome.summary}</p>}
      {call.resolution && (
        <p className="vfc-resolution" data-testid="followup-resolution">
          {call.resolution.note
            ? i18n.t('followUps.row.resolvedByWithNote', [call.resolution.resolvedBy, formatClinicTime(call.resolution.resolvedAt, timeZone), call.resolution.note])
            : i18n.t('followUps.row.resolvedBy', [call.resolution.resolvedBy, formatClinicTime(call.resolution.resolvedAt, timeZone)])}
        </p>
      )}
      <button
        type="button"
        className="vfc-secondary"
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => setExpanded((open) => !open)}
      >
        {expanded ? i18n.t('followUps.row.hideDetails') : i18n.t('followUps.row.details')}
        <span className="vfc-visually-hidden"> {i18n.t('followUps.row.detailsOf', [call.petName])}</span>
      </button>
      {expanded && (
        <div id={detailsId} className="vfc-followup-details">
          {outcome?.ownerQuestions && (
            <p>
              <strong>{i18n.t('followUps.row.ownerQuestions')}</strong> {outcome.ownerQuestions}
            </p>
          )}
          {outcome?.transcript && outcome.transcript.length > 0 ? (
            <ol className="vfc-transcript" aria-label={i18n.t('followUps.row.transcript')}>
              {outcome.transcript.map((turn, index) => (
                <li key={index} className={`vfc-turn-${turn.role}`}>
                  <strong>{turn.role === 'agent' ? i18n.t('followUps.row.agent') : i18n.t('followUps.row.owner')}</strong> {turn.text}
                </li>
              ))}
            </ol>
          ) : (
            <p className="vfc-muted">{i18n.t('followUps.row.noTranscript')}</p>
          )}
          {outcome?.recordingUrl && (
            <audio controls preload="none" src={outcome.recordingUrl} aria-label={i18n.t('followUps.row.recording', [call.petName])} />
          )}
          <div className="vfc-call-actions">
            <button
              type="button"
              className="vfc-secondary"
              disabled={!props.neoOrigin}
              title={props.neoOrigin ? undefined : i18n.t('followUps.row.neoUnknown')}
              onClick={() => props.openTab(`${props.neoOrigin}${consultationPagePath(call.consultationId)}`)}
            >
              {i18n.t('followUps.row.openConsultation')}
            </button>
            {final && !call.resolution && !resolving && (
              <button ref={resolveButton} type="button" className="vfc-primary" onClick={() => setResolving(true)}>
                {i18n.t('followUps.row.resolve')}
              </button>
            )}
            {call.resolution && (
              <button type="button" className="vfc-secondary" disabled={busy} onClick={() => void send(() => props.api.reopenCall(call.callId))}>
                {busy ? i18n.t('followUps.row.reopening') : i18n.t('followUps.row.reopen')}
              </button>
            )}
          </div>
          {!props.neoOrigin && <p className="vfc-muted">{i18n.t('followUps.row.neoUnknown')}</p>}
          {resolving && (
            <form
              className="vfc-resolve"
              onSubmit={(event) => {
                event.preventDefault();
                void send(() => props.api.resolveCall(call.callId, note));
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setResolving(false);
                  setTimeout(() => resolveButton.current?.focus(), 0);
                }
              }}
            >
              <Field id={noteId} label={i18n.t('followUps.row.note')}>
                {(control) => <textarea {...control} value={note} maxLength={1000} rows={3} autoFocus onChange={(e) => setNote(e.target.value)} />}
              </Field>
              <button type="submit" className="vfc-primary" disabled={busy}>
                {busy ? i18n.t('followUps.row.resolving') : i18n.t('followUps.row.markResolved')}
              </button>
              <button type="button" className="vfc-secondary" disabled={busy} onClick={() => setResolving(false)}>
                {i18n.t('followUps.row.cancel')}
              </button>
            </form>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="vfc-error">
          {error}
        </p>
      )}
    </li>
  );
}
