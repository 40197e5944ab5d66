import { i18n } from '#i18n';
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
      label: i18n.t('calls.notice.optOutLabel'),
      text: i18n.t('calls.notice.optOutText'),
    });
  }
  if ((call.status === 'cancelled' || call.status === 'failed') && call.statusCode === 'opted_out') {
    notices.push({ kind: 'do_not_call', label: i18n.t('calls.notice.doNotCallLabel'), text: i18n.t('calls.notice.doNotCallText') });
  }
  if (call.status === 'failed' && call.statusCode === 'number_cap_reached') {
    notices.push({ kind: 'number_cap', label: i18n.t('calls.notice.numberCapLabel'), text: i18n.t('calls.notice.numberCapText') });
  }
  return notices;
}
