/**
 * The post-call analysis fields every clinic agent must carry, declared once: the agent sync writes them into each
 * voice agent (Retell `post_call_analysis_data`, then publishes), the audit flags an agent that lacks one, and the
 * webhook adapter reads their values from `call_analysis.custom_analysis_data`.
 * Retell extracts each field from the transcript after the call with the description as the instruction
 * (https://docs.retellai.com/features/post-call-analysis; field shapes from retell-sdk 5.66.1 `AgentUpdateParams`).
 * The descriptions are written for a veterinary practice: plain words a vet can read and sign off.
 */

/** One field, provider-neutral (the Retell adapter maps it to `StringAnalysisData` / `EnumAnalysisData` / `BooleanAnalysisData`). */
export interface AnalysisFieldSpec {
  type: 'enum' | 'boolean' | 'string';
  /** The key of the value in the analysis (`custom_analysis_data.<name>`). */
  name: string;
  /** What the analysis model is asked to decide, in plain words. */
  description: string;
  /** Allowed values of an `enum` field. */
  choices?: readonly string[];
}

export const POST_CALL_ANALYSIS_FIELDS = [
  {
    type: 'enum',
    name: 'concern_level',
    choices: ['none', 'minor', 'urgent'],
    description:
      "How concerned a veterinarian should be about the pet after this call. " +
      "'urgent': the owner describes signs that need a vet today, for example repeated vomiting or diarrhoea, not eating " +
      'or drinking for more than a day, trouble breathing, bleeding, a wound that is open, hot or swollen, collapse, ' +
      "seizures, strong pain, or the pet is getting worse. 'minor': the pet is recovering but something should be checked, " +
      'for example licking or scratching at stitches, a slightly reduced appetite, mild tiredness, or the owner is unsure ' +
      "about the medication. 'none': the pet is recovering as expected and the owner reports no problem. " +
      'When unsure between two levels, choose the more serious one.',
  },
  {
    type: 'boolean',
    name: 'callback_requested',
    description:
      'True when the owner asks for a veterinarian or someone at the clinic to call them back, or accepts when a call back ' +
      'is offered. False otherwise.',
  },
  {
    type: 'boolean',
    name: 'opt_out',
    description:
      "True when the person asks not to be called again by the clinic's automated calls (for example \"stop calling me\", " +
      '"take me off your list"). False otherwise.',
  },
  {
    type: 'string',
    name: 'owner_questions',
    description:
      "The owner's questions that you could not answer during the call, in the owner's words, one per line. " +
      'Empty when there were none.',
  },
] as const satisfies readonly AnalysisFieldSpec[];

/** Names of {@link POST_CALL_ANALYSIS_FIELDS}, in order. */
export const POST_CALL_ANALYSIS_FIELD_NAMES: readonly string[] = POST_CALL_ANALYSIS_FIELDS.map((field) => field.name);

/** The names of our fields an agent lacks (by name), in declaration order; `[]` when it has them all. */
export function missingAnalysisFields(present: readonly string[]): string[] {
  const have = new Set(present);
  return POST_CALL_ANALYSIS_FIELD_NAMES.filter((name) => !have.has(name));
}
