/**
 * A provider webhook in our vocabulary (Retell's `call_started` / `call_ended` / `call_analyzed`).
 * Every Retell event carries the whole call object, so each kind may bring the ending and the analysis.
 */
export interface ProviderCallEvent {
  kind: 'call_started' | 'call_ended' | 'call_analyzed' | 'other';
  /** Who sent it (names the history event, e.g. `vapi.end-of-call-report`); Retell when absent. */
  provider?: 'retell' | 'vapi';
  /** The provider's event name as received. */
  name: string;
  providerCallId: string;
  /** Our call id and attempt from the call's metadata, when present. */
  callId?: string;
  attempt?: number;
  /** The provider account the attempt was placed through (our `voice_account` metadata), when present. */
  voiceAccount?: string;
  /** UTC ISO instants. */
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  disconnectionReason?: string;
  analysis?: {
    summary?: string;
    sentiment?: 'Negative' | 'Positive' | 'Neutral' | 'Unknown';
    callSuccessful?: boolean;
    inVoicemail?: boolean;
    optOutRequested?: boolean;
    /** The agent's `concern_level` analysis field. */
    concernLevel?: 'none' | 'minor' | 'urgent';
    /** The agent's `callback_requested` analysis field. */
    callbackRequested?: boolean;
    /** The agent's `owner_questions` analysis field (questions it could not answer), when non-empty. */
    ownerQuestions?: string;
  };
  /** The conversation in order; `owner` is the person called. */
  transcript?: { role: 'agent' | 'owner'; text: string }[];
  /** URL of the call's recording at the provider. */
  recordingUrl?: string;
}

/** Verifies and decodes provider webhooks. */
export interface WebhookVerifier {
  /** True only for a body signed with our key within the provider's freshness window. */
  verify(rawBody: string, signature: string | undefined): Promise<boolean>;
  /** Decodes a verified body. @throws Error when the body is not a provider event. */
  parse(rawBody: string): ProviderCallEvent;
}

/**
 * Hands a verified provider event to be applied AFTER the webhook has answered (AWS: an asynchronous Lambda invocation
 * of `apply-provider-event`, which Lambda retries twice on error). Applying must be idempotent: an event may be
 * handed over more than once (a redelivered webhook) and in any order.
 */
export interface ProviderEventQueue {
  /** Resolves once the event is accepted for later application (not once it is applied). @throws Error when refused. */
  enqueue(event: ProviderCallEvent): Promise<void>;
}
