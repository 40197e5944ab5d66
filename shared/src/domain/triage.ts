import type { Call } from '../api/call.js';
import { ATTENTION_REASONS, type Attention, type AttentionReason } from '../api/triage.js';

/**
 * The triage table: which level of attention each reason asks for. A call's `attention` is the most urgent level
 * among its reasons (`none` without reasons). README's "Triage" section shows the same table in words.
 *
 * | reason               | attention | when                                                                      |
 * | -------------------- | --------- | ------------------------------------------------------------------------- |
 * | `concern_urgent`     | urgent    | the agent judged the pet's condition urgent (`concern_level` = `urgent`)  |
 * | `concern_minor`      | review    | the agent noted a minor concern (`concern_level` = `minor`)               |
 * | `callback_requested` | review    | the owner asked for a vet to call back                                    |
 * | `owner_questions`    | review    | the owner asked questions the agent could not answer                      |
 * | `unreachable`        | review    | the call ended `failed`: attempts used up, the per-number cap, no slot, an invalid number |
 * | `voicemail_left`     | review    | the last attempt reached voicemail                                        |
 * | `opted_out`          | review    | the owner asked on the call not to be called again                        |
 * | `restored_from_backup` | review  | restored from a backup after its time passed: held until moved or cancelled |
 */
export const TRIAGE_TABLE: Readonly<Record<AttentionReason, Exclude<Attention, 'none'>>> = {
  concern_urgent: 'urgent',
  concern_minor: 'review',
  callback_requested: 'review',
  owner_questions: 'review',
  unreachable: 'review',
  voicemail_left: 'review',
  opted_out: 'review',
  restored_from_backup: 'review',
};

const RANK: Record<Attention, number> = { none: 0, review: 1, urgent: 2 };

/** What triage reads from a call: its status (and status code) and the outcome the provider reported. */
export type TriageInput = Pick<Call, 'status' | 'outcome'> & Partial<Pick<Call, 'statusCode'>>;

/** The result of {@link triage}: the level and its reasons (in `ATTENTION_REASONS` order, no duplicates). */
export interface Triage {
  attention: Attention;
  attentionReasons: AttentionReason[];
}

/**
 * Decides who at the clinic must look at a call. Pure: the same call always gives the same answer, so it is
 * recomputed on every change of the call (outcome or final status) and stored with it.
 * A call that is not final yet has no `unreachable` / `voicemail_left` reason (it may still be answered), but its
 * analysis reasons (concern, callback, questions, opt-out) count as soon as they are known.
 */
export function triage(call: TriageInput): Triage {
  const outcome = call.outcome ?? {};
  const reasons = new Set<AttentionReason>();
  if (outcome.concernLevel === 'urgent') reasons.add('concern_urgent');
  if (outcome.concernLevel === 'minor') reasons.add('concern_minor');
  if (outcome.callbackRequested === true) reasons.add('callback_requested');
  if (outcome.ownerQuestions && outcome.ownerQuestions.trim() !== '') reasons.add('owner_questions');
  if (outcome.optOutRequested === true) reasons.add('opted_out');
  if (call.status === 'failed') reasons.add('unreachable');
  if (call.status === 'scheduled' && call.statusCode === 'held_for_review') reasons.add('restored_from_backup');
  if ((call.status === 'completed' || call.status === 'failed') && (outcome.inVoicemail === true || outcome.disconnectionReason === 'voicemail_reached')) {
    reasons.add('voicemail_left');
  }
  const ordered = ATTENTION_REASONS.filter((reason) => reasons.has(reason));
  const attention = ordered.reduce<Attention>((level, reason) => (RANK[TRIAGE_TABLE[reason]] > RANK[level] ? TRIAGE_TABLE[reason] : level), 'none');
  return { attention, attentionReasons: ordered };
}

/** Orders calls for a follow-up list: `urgent` before `review` before `none` (stable otherwise). */
export function attentionRank(attention: Attention): number {
  return RANK[attention];
}
