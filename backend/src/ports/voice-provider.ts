/** What the voice agent needs to place a follow-up call (Retell `create-phone-call`). */
export interface PlaceCallRequest {
  /** E.164 number bought from or imported into the provider. */
  fromNumber: string;
  /** The provider's id of that number, when the provider dials by id (Vapi `phoneNumberId`); Retell ignores it. */
  phoneNumberId?: string;
  /** E.164 number of the client (the pet's owner). */
  toNumber: string;
  /** The provider's agent id (Retell `override_agent_id`). */
  agentId: string;
  /**
   * Our ids, echoed back in every webhook (Retell `metadata`; Vapi `assistantOverrides.metadata`). `voice_account` is
   * the provider account whose slot the attempt holds (see `app/voice/voice-accounts.ts`).
   */
  metadata: { call_id: string; attempt: number; clinic_id: string; voice_account: string };
  /** Dynamic variables for the agent's prompt; string values only (Retell `retell_llm_dynamic_variables`). */
  dynamicVariables: Record<string, string>;
}

/** Why placing a call failed, as far as our retry decision cares. */
export type PlaceCallFailureKind =
  /** The provider is at its concurrency or rate limit (HTTP 429): wait, it is not an attempt. */
  | 'rate_limited'
  /** The request was refused (400/401/402/422): retrying the same request will not help. */
  | 'rejected'
  /** Provider error or timeout (5xx, network): the call may or may not have been placed. */
  | 'unavailable';

/** Thrown by {@link VoiceProvider.placeCall}. `message` has no personal data. */
export class PlaceCallError extends Error {
  constructor(
    readonly kind: PlaceCallFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlaceCallError';
  }
}

/** The provider's view of one call (Retell `get-call`), in our vocabulary. */
export interface ProviderCall {
  providerCallId: string;
  status: 'registered' | 'not_connected' | 'ongoing' | 'ended' | 'error';
  disconnectionReason?: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
}

/** Places AI voice calls (Retell in production; the Retell simulator locally). */
export interface VoiceProvider {
  /** Places the call once (no automatic retry). @returns the provider's call id. @throws PlaceCallError */
  placeCall(request: PlaceCallRequest): Promise<{ providerCallId: string }>;
  /** The provider's current record of a call. */
  getCall(providerCallId: string): Promise<ProviderCall>;
  /**
   * The provider's call placed for our call id and attempt (matched on the `metadata` we sent), if one exists — how a
   * crash between "provider accepted" and "we stored its id" is told apart from "never placed".
   */
  findCallFor(callId: string, attempt: number): Promise<ProviderCall | undefined>;
}
