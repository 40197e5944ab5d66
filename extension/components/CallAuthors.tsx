import { i18n } from '#i18n';
import type { Call, CallChange } from '@vfc/shared';
import { formatClinicTime } from '../lib/clinic-time';

/** "Rescheduled by Jamie Chen · <when>" per change after the call was created (the creation is "Scheduled by"). */
const CHANGE_LABELS: Record<Exclude<CallChange['action'], 'created'>, (name: string, at: string) => string> = {
  rescheduled: (name, at) => i18n.t('calls.changedBy.rescheduled', [name, at]),
  cancelled: (name, at) => i18n.t('calls.changedBy.cancelled', [name, at]),
  resolved: (name, at) => i18n.t('calls.changedBy.resolved', [name, at]),
  reopened: (name, at) => i18n.t('calls.changedBy.reopened', [name, at]),
};

/**
 * Who scheduled a call ("Scheduled by Jamie Chen", from `createdBy`) and who changed it since (each `changes` entry
 * but the creation, with its time in the clinic's zone `timeZone`). Nothing for a call scheduled before sign-in
 * existed (no `createdBy`, no `changes`).
 */
export function CallAuthors(props: { call: Call; timeZone: string }) {
  const { call, timeZone } = props;
  const changes = (call.changes ?? []).filter((change): change is CallChange & { action: Exclude<CallChange['action'], 'created'> } => change.action !== 'created');
  if (!call.createdBy && changes.length === 0) return null;
  return (
    <>
      {call.createdBy && (
        <div className="vfc-muted" data-testid="call-created-by">
          {i18n.t('calls.scheduledBy', [call.createdBy.name])}
        </div>
      )}
      {changes.length > 0 && (
        <ul className="vfc-call-history vfc-muted" aria-label={i18n.t('calls.historyLabel', [call.petName])}>
          {changes.map((change) => (
            <li key={`${change.at}-${change.action}`} data-testid="call-change">
              {CHANGE_LABELS[change.action](change.by.name, formatClinicTime(change.at, timeZone))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
