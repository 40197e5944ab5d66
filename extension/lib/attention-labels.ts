import type { Attention, AttentionReason, Call } from '@vfc/shared';

/**
 * Plain words for the API's triage codes (`attention`, `attentionReasons`). The API sends codes only; the words
 * staff read live here, once.
 */

/** Chip text of each reason. */
export const REASON_LABELS: Record<AttentionReason, string> = {
  concern_urgent: 'Urgent concern',
  concern_minor: 'Minor concern',
  callback_requested: 'Wants a call back',
  owner_questions: 'Has questions',
  unreachable: 'Could not be reached',
  voicemail_left: 'Voicemail left',
  opted_out: 'Asked not to be called',
  restored_from_backup: 'Restored from a backup: move or cancel',
};

/** Label of each attention level. */
export const ATTENTION_LABELS: Record<Attention, string> = {
  urgent: 'Urgent',
  review: 'Review',
  none: 'No action needed',
};

/** Sort rank: urgent first, then review, then none. */
export const ATTENTION_RANK: Record<Attention, number> = { urgent: 0, review: 1, none: 2 };

/** Label of each call status. */
export const STATUS_LABELS: Record<Call['status'], string> = {
  scheduled: 'Scheduled',
  dialing: 'Dialing',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
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
