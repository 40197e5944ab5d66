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
  /** Transcript text for connected calls. */
  transcript?: (pet: string) => string;
  custom_analysis_data: Record<string, unknown>;
}

/** Named outcomes the script refers to (and `script()` accepts). */
export const OUTCOMES = {
  answered: {
    connected: true,
    disconnection_reason: 'user_hangup',
    user_sentiment: 'Positive',
    call_successful: true,
    in_voicemail: false,
    summary: (pet) => `Spoke with the owner; ${pet} is eating well and recovering. No concerns.`,
    transcript: (pet) =>
      `Agent: Hi, this is the clinic calling to check on ${pet} after the visit. How is ${pet} doing?\n` +
      `User: Much better, eating well.\nAgent: Great to hear. Goodbye!`,
    custom_analysis_data: {},
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
    transcript: (pet) => `Agent: Hi, this is the clinic following up on ${pet}'s visit. Please call us back.`,
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
    transcript: (pet) =>
      `Agent: Hi, this is the clinic calling to check on ${pet}.\nUser: Please don't call me again.\nAgent: Understood. Goodbye.`,
    custom_analysis_data: { opt_out: true },
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
