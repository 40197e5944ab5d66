import { triage, type CallRecord } from '@vfc/shared';

/**
 * The call about to be stored with its triage recomputed from its status and outcome (`domain/triage.ts`).
 * A resolved call that gains a reason it did not have when it was resolved (e.g. the analysis arrives after staff
 * resolved the failed-looking call) loses its resolution, so the new reason is not hidden.
 */
export function withTriage(previous: CallRecord, next: CallRecord): CallRecord {
  const { attention, attentionReasons } = triage(next);
  const gained = attentionReasons.some((reason) => !(previous.attentionReasons ?? []).includes(reason));
  if (next.resolution && gained) {
    const { resolution: _hidden, ...reopened } = next;
    return { ...reopened, attention, attentionReasons };
  }
  return { ...next, attention, attentionReasons };
}
