import type { PhoneCallResponse } from 'retell-sdk/resources/call';

/** Retell's `disconnection_reason` values (from the pinned retell-sdk types). */
export type DisconnectionReason = NonNullable<PhoneCallResponse['disconnection_reason']>;

/** How one simulated call goes. */
export interface SimulatedOutcome {
  /** True when the callee picks up (or voicemail answers): `call_started` is sent and the call is `ongoing`. */
  connected: boolean;
  disconnection_reason: DisconnectionReason;
  user_sentiment: 'Positive' | 'Negative' | 'Neutral' | 'Unknown';
  call_successful: boolean;
  in_voicemail: boolean;
  /** Post-call summary; `pet` is `retell_llm_dynamic_variables.pet_name`, or "your pet". */
  summary: (pet: string) => string;
  /**
   * The conversation of a connected call, in order (Retell's `transcript_object` roles: `agent`, `user` = the person
   * called). The simulator sends it as `transcript_object` and as the flat `transcript` text.
   */
  transcript?: (pet: string) => Turn[];
  custom_analysis_data: Record<string, unknown>;
}

/** One turn of a simulated conversation. */
export interface Turn {
  role: 'agent' | 'user';
  content: string;
}

const agent = (content: string): Turn => ({ role: 'agent', content });
const user = (content: string): Turn => ({ role: 'user', content });

/** Named outcomes the script refers to (and `script()` accepts). */
export const OUTCOMES = {
  answered: {
    connected: true,
    disconnection_reason: 'user_hangup',
    user_sentiment: 'Positive',
    call_successful: true,
    in_voicemail: false,
    summary: (pet) => `Spoke with the owner; ${pet} is eating well and recovering. No concerns.`,
    transcript: (pet) => [
      agent(`Hi, this is the clinic calling to check on ${pet} after the visit. How is ${pet} doing?`),
      user('Much better, eating well and back to normal.'),
      agent(`Great to hear. Any vomiting, or trouble with the medication?`),
      user('No, none at all.'),
      agent(`Wonderful. Call us if anything changes. Goodbye!`),
    ],
    custom_analysis_data: { concern_level: 'none', callback_requested: false, opt_out: false },
  },
  no_answer: {
    connected: false,
    disconnection_reason: 'dial_no_answer',
    user_sentiment: 'Unknown',
    call_successful: false,
    in_voicemail: false,
    summary: () => 'The call was not answered.',
    custom_analysis_data: {},
  },
  busy: {
    connected: false,
    disconnection_reason: 'dial_busy',
    user_sentiment: 'Unknown',
    call_successful: false,
    in_voicemail: false,
    summary: () => 'The line was busy.',
    custom_analysis_data: {},
  },
  voicemail: {
    connected: true,
    disconnection_reason: 'voicemail_reached',
    user_sentiment: 'Neutral',
    call_successful: false,
    in_voicemail: true,
    summary: (pet) => `Reached voicemail; left a message asking the owner to call the clinic about ${pet}.`,
    transcript: (pet) => [
      agent(`Hi, this is the clinic following up on ${pet}'s visit.`),
      user("(voicemail greeting) You've reached the voicemail box. Please leave a message."),
      agent(`We're calling to see how ${pet} is doing after the visit.`),
      agent('Please call us back at the clinic when you can. Thank you!'),
    ],
    custom_analysis_data: {},
  },
  invalid_destination: {
    connected: false,
    disconnection_reason: 'invalid_destination',
    user_sentiment: 'Unknown',
    call_successful: false,
    in_voicemail: false,
    summary: () => 'The number could not be dialled (invalid destination).',
    custom_analysis_data: {},
  },
  opt_out: {
    connected: true,
    disconnection_reason: 'user_hangup',
    user_sentiment: 'Negative',
    call_successful: true,
    in_voicemail: false,
    summary: (pet) => `Spoke with the owner about ${pet}; the owner asked not to be called again.`,
    transcript: (pet) => [
      agent(`Hi, this is the clinic calling to check on ${pet}.`),
      user("Please don't call me again."),
      agent('Understood, we will not call this number again. Is there anything else?'),
      user('No. Goodbye.'),
      agent('Goodbye.'),
    ],
    custom_analysis_data: { opt_out: true, concern_level: 'none', callback_requested: false },
  },
  urgent_concern: {
    connected: true,
    disconnection_reason: 'user_hangup',
    user_sentiment: 'Negative',
    call_successful: true,
    in_voicemail: false,
    summary: (pet) => `${pet} has been vomiting since yesterday and will not eat; the owner asks for a vet to call back today.`,
    transcript: (pet) => [
      agent(`Hi, this is the clinic calling to check on ${pet} after the visit. How is ${pet} doing?`),
      user(`Not good. ${pet} has been vomiting since yesterday and won't eat anything.`),
      agent('I am sorry to hear that. Is there blood in the vomit, or is she very weak?'),
      user('She is very tired. Can a vet call me back today?'),
      agent('I will ask a vet to call you back today. If she gets worse, please call the clinic right away.'),
    ],
    custom_analysis_data: { concern_level: 'urgent', callback_requested: true, opt_out: false, owner_questions: '' },
  },
  minor_concern: {
    connected: true,
    disconnection_reason: 'user_hangup',
    user_sentiment: 'Neutral',
    call_successful: true,
    in_voicemail: false,
    summary: (pet) => `${pet} is recovering but scratches at the stitches; the owner asked when the cone can come off.`,
    transcript: (pet) => [
      agent(`Hi, this is the clinic calling to check on ${pet} after the visit. How is ${pet} doing?`),
      user(`Mostly fine, but ${pet} keeps scratching at the stitches.`),
      agent('That can happen while the wound heals. Is the wound red or leaking?'),
      user('A little red. When can the cone come off?'),
      agent('I will pass your question to the vet. Thank you, goodbye!'),
    ],
    custom_analysis_data: {
      concern_level: 'minor',
      callback_requested: false,
      opt_out: false,
      owner_questions: 'When can the cone come off?',
    },
  },
  dial_failed: {
    connected: false,
    disconnection_reason: 'dial_failed',
    user_sentiment: 'Unknown',
    call_successful: false,
    in_voicemail: false,
    summary: () => 'The call could not be placed (dial failed).',
    custom_analysis_data: {},
  },
} as const satisfies Record<string, SimulatedOutcome>;

export type OutcomeName = keyof typeof OUTCOMES;

/**
 * Which outcomes a destination number gets, chosen by the LAST FOUR DIGITS of `to_number` (`default` for all others).
 * The n-th call to one number (counted across calls, from 0) gets `outcomes[n]`, and the last entry once the list is
 * used up. Documented for people in README.md.
 */
export const SCRIPTED_OUTCOMES = {
  default: { outcomes: ['answered'], description: 'answered; owner hangs up after a friendly conversation; Positive' },
  '0101': { outcomes: ['no_answer'], description: 'never answers (dial_no_answer)' },
  '0102': { outcomes: ['busy'], description: 'busy (dial_busy)' },
  '0103': { outcomes: ['voicemail'], description: 'voicemail (voicemail_reached, in_voicemail true)' },
  '0104': { outcomes: ['invalid_destination'], description: 'invalid_destination' },
  '0105': { outcomes: ['opt_out'], description: 'answered; owner asks not to be called again (custom_analysis_data.opt_out)' },
  '0106': { outcomes: ['no_answer', 'no_answer', 'answered'], description: 'no answer twice, then answered' },
  '0107': { outcomes: ['dial_failed'], description: 'dial_failed' },
  '0108': {
    outcomes: ['urgent_concern'],
    description: 'answered; the pet is unwell (concern_level urgent) and the owner asks for a callback (callback_requested true)',
  },
  '0109': { outcomes: ['minor_concern'], description: 'answered; a minor concern (concern_level minor) and a question for the vet (owner_questions)' },
} as const satisfies Record<string, { outcomes: readonly OutcomeName[]; description: string }>;

/**
 * The outcome for the `callIndex`-th call (0-based) to `toNumber`.
 * @param override - a list set by `script(toNumber, outcomes)`, which wins over SCRIPTED_OUTCOMES.
 */
export function pickOutcome(
  toNumber: string,
  callIndex: number,
  override?: readonly (OutcomeName | SimulatedOutcome)[],
): SimulatedOutcome {
  const scripted = SCRIPTED_OUTCOMES[toNumber.slice(-4) as keyof typeof SCRIPTED_OUTCOMES] ?? SCRIPTED_OUTCOMES.default;
  const list: readonly (OutcomeName | SimulatedOutcome)[] = override && override.length > 0 ? override : scripted.outcomes;
  const chosen = list[Math.min(callIndex, list.length - 1)] ?? 'answered';
  return typeof chosen === 'string' ? OUTCOMES[chosen] : chosen;
}
