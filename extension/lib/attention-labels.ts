import { i18n } from '#i18n';
import type { Attention, AttentionReason, Call } from '@vfc/shared';

/**
 * Plain words for the API's triage codes (`attention`, `attentionReasons`). The API sends codes only; the words
 * staff read live here, once, as locale messages (`attention.*`): each label is a function so it is read in the
 * browser's language when shown.
 */

/** Chip text of each reason. */
export const REASON_LABELS: Record<AttentionReason, () => string> = {
  concern_urgent: () => i18n.t('attention.reason.concernUrgent'),
  concern_minor: () => i18n.t('attention.reason.concernMinor'),
  callback_requested: () => i18n.t('attention.reason.callbackRequested'),
  owner_questions: () => i18n.t('attention.reason.ownerQuestions'),
  unreachable: () => i18n.t('attention.reason.unreachable'),
  voicemail_left: () => i18n.t('attention.reason.voicemailLeft'),
  opted_out: () => i18n.t('attention.reason.optedOut'),
  restored_from_backup: () => i18n.t('attention.reason.restoredFromBackup'),
};

/** Label of each attention level. */
export const ATTENTION_LABELS: Record<Attention, () => string> = {
  urgent: () => i18n.t('attention.level.urgent'),
  review: () => i18n.t('attention.level.review'),
  none: () => i18n.t('attention.level.none'),
};

/** Sort rank: urgent first, then review, then none. */
export const ATTENTION_RANK: Record<Attention, number> = { urgent: 0, review: 1, none: 2 };

/** Label of each call status. */
export const STATUS_LABELS: Record<Call['status'], () => string> = {
  scheduled: () => i18n.t('attention.status.scheduled'),
  dialing: () => i18n.t('attention.status.dialing'),
  in_progress: () => i18n.t('attention.status.inProgress'),
  completed: () => i18n.t('attention.status.completed'),
  failed: () => i18n.t('attention.status.failed'),
  cancelled: () => i18n.t('attention.status.cancelled'),
};

/**
 * Calls in the order staff work them: attention first (urgent, review, none), then newest `scheduledFor` first,
 * then by id so the order is stable. Returns a new array.
 */
export function followUpOrder<C extends Pick<Call, 'attention' | 'scheduledFor' | 'callId'>>(calls: readonly C[]): C[] {
  return [...calls].sort(
    (a, b) =>
      ATTENTION_RANK[a.attention] - ATTENTION_RANK[b.attention] ||
      Date.parse(b.scheduledFor) - Date.parse(a.scheduledFor) ||
      a.callId.localeCompare(b.callId),
  );
}
