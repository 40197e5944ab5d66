import type { Call } from '@vfc/shared';

/**
 * Calling-rules facts about a call that staff must see at a glance: the owner asked not to be called again,
 * the call was stopped because the number is on the do-not-call list, or the per-number cap (FCC 20-186) refused it.
 * Decided from the API's machine-readable `statusCode` (`opted_out`, `number_cap_reached`), never from the wording
 * of `statusReason`.
 */
export type CallNoticeKind = 'opt_out_requested' | 'do_not_call' | 'number_cap';

export interface CallNotice {
  kind: CallNoticeKind;
  /** Short label for the badge. */
  label: string;
  /** One sentence for staff. */
  text: string;
}

/** The notices of one call, most important first (empty for most calls). */
export function callNotices(call: Pick<Call, 'status' | 'statusCode' | 'outcome'>): CallNotice[] {
  const notices: CallNotice[] = [];
  if (call.outcome?.optOutRequested) {
    notices.push({
      kind: 'opt_out_requested',
      label: 'Asked not to be called',
      text: "The owner asked not to be called again; the number goes on the clinic's do-not-call list.",
    });
  }
  if ((call.status === 'cancelled' || call.status === 'failed') && call.statusCode === 'opted_out') {
    notices.push({ kind: 'do_not_call', label: 'Do-not-call list', text: 'Not called: the number is on the do-not-call list.' });
  }
  if (call.status === 'failed' && call.statusCode === 'number_cap_reached') {
    notices.push({ kind: 'number_cap', label: 'Number cap reached', text: 'Not called: this number reached its limit of automated calls.' });
  }
  return notices;
}
