import type { Call } from '@vfc/shared';

/**
 * Calling-rules facts about a call that staff must see at a glance: the owner asked not to be called again,
 * the call was stopped because the number is on the do-not-call list, or the per-number cap (FCC 20-186) refused it.
 * The API's call view has no code for the last two, only the `statusReason` the backend wrote
 * (backend/src/app/calling-rules/opt-outs.ts `OPTED_OUT_CANCEL_REASON`, shared/src/domain/number-cap.ts message):
 * they are recognised by those wordings.
 */
export type CallNoticeKind = 'opt_out_requested' | 'do_not_call' | 'number_cap';

export interface CallNotice {
  kind: CallNoticeKind;
  /** Short label for the badge. */
  label: string;
  /** One sentence for staff. */
  text: string;
}

const DO_NOT_CALL = /do-not-call list/i;
const NUMBER_CAP = /FCC 20-186|per-number cap/i;

/** The notices of one call, most important first (empty for most calls). */
export function callNotices(call: Pick<Call, 'status' | 'statusReason' | 'outcome'>): CallNotice[] {
  const notices: CallNotice[] = [];
  if (call.outcome?.optOutRequested) {
    notices.push({
      kind: 'opt_out_requested',
      label: 'Asked not to be called',
      text: "The owner asked not to be called again; the number goes on the clinic's do-not-call list.",
    });
  }
  const reason = call.statusReason ?? '';
  if ((call.status === 'cancelled' || call.status === 'failed') && DO_NOT_CALL.test(reason)) {
    notices.push({ kind: 'do_not_call', label: 'Do-not-call list', text: 'Not called: the number is on the do-not-call list.' });
  }
  if (call.status === 'failed' && NUMBER_CAP.test(reason)) {
    notices.push({ kind: 'number_cap', label: 'Number cap reached', text: 'Not called: this number reached its limit of automated calls.' });
  }
  return notices;
}
