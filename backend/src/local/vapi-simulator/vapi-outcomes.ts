import type { Vapi } from '@vapi-ai/server-sdk';
import type { DisconnectionReason, SimulatedOutcome } from '../retell-simulator/scripted-outcomes.js';

/**
 * The Vapi `endedReason` a scripted outcome ends with, so the same last-four-digits table drives both simulators
 * (`retell-simulator/scripted-outcomes.ts`). Each maps to a Vapi reason with the same retry verdict.
 */
const ENDED_REASON: Partial<Record<DisconnectionReason, Vapi.CallEndedReason>> = {
  user_hangup: 'customer-ended-call',
  agent_hangup: 'assistant-ended-call',
  dial_no_answer: 'customer-did-not-answer',
  dial_busy: 'customer-busy',
  voicemail_reached: 'voicemail',
  invalid_destination: 'twilio-reported-customer-misdialed',
  dial_failed: 'call.in-progress.error-providerfault-outbound-sip-403-forbidden',
};

/** The Vapi ending of a scripted outcome (an unmapped Retell reason ends as a Vapi-side fault). */
export function vapiEndedReason(outcome: SimulatedOutcome): Vapi.CallEndedReason {
  return ENDED_REASON[outcome.disconnection_reason] ?? 'worker-shutdown';
}

/**
 * The Vapi `analysis` of a scripted outcome: the summary, and the structured data our assistants' structured-data
 * plan asks for (the same analysis field names as the Retell agent).
 */
export function vapiAnalysis(outcome: SimulatedOutcome, pet: string): { summary: string; structuredData: Record<string, unknown> } {
  return { summary: outcome.summary(pet), structuredData: { ...outcome.custom_analysis_data } };
}

/** Vapi `artifact.messages` (`role` `bot` | `user`) and the flat transcript text of a scripted conversation. */
export function vapiArtifact(outcome: SimulatedOutcome, pet: string, recordingUrl: string | undefined): Record<string, unknown> {
  const turns = outcome.transcript?.(pet) ?? [];
  return {
    messages: turns.map((t) => ({ role: t.role === 'agent' ? 'bot' : 'user', message: t.content })),
    transcript: turns.map((t) => `${t.role === 'agent' ? 'AI' : 'User'}: ${t.content}`).join('\n'),
    ...(recordingUrl ? { recordingUrl, recording: { mono: { combinedUrl: recordingUrl } } } : {}),
  };
}
