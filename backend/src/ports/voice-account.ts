/** A phone number of a provider account, in our vocabulary. */
export interface AccountNumber {
  /** The provider's id of the number (Vapi `phoneNumberId`; for Retell the number itself). */
  id: string;
  /** E.164; absent for SIP-only numbers. */
  number?: string;
}

/** Why an account read failed. */
export class VoiceAccountError extends Error {
  constructor(
    readonly kind: 'invalid_credentials' | 'unavailable',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'VoiceAccountError';
  }
}

/**
 * One provider account (the platform's or a clinic's own), as the voice workspace needs it: a cheap authenticated read
 * that proves the key, and the account's numbers. Methods throw {@link VoiceAccountError}.
 */
export interface VoiceAccount {
  /** The account's phone numbers; also the key check (a bad key → `invalid_credentials`). */
  listNumbers(): Promise<AccountNumber[]>;
}

/** The assistant as the sync reads it (a subset of Vapi's `Assistant`). */
export interface AssistantSummary {
  id: string;
  name?: string;
  updatedAt?: string;
  metadata?: Record<string, unknown>;
  server?: unknown;
  serverMessages?: unknown;
  analysisPlan?: unknown;
  /** Vapi `voice` (`{ provider, voiceId, … }`). */
  voice?: unknown;
  /** The first sentence the assistant says. */
  firstMessage?: string;
  /** Vapi `model` (`{ provider, model, messages: [{ role, content }], … }`). */
  model?: unknown;
  /** Vapi `maxDurationSeconds`, seconds. */
  maxDurationSeconds?: number;
}

/** The assistant endpoints the sync needs (`VapiAccount` implements them). Methods throw {@link VoiceAccountError}. */
export interface AssistantAccount {
  listAssistants(): Promise<AssistantSummary[]>;
  createAssistant(fields: Record<string, unknown>): Promise<AssistantSummary>;
  updateAssistant(id: string, fields: Record<string, unknown>): Promise<AssistantSummary>;
  /** The assistant, or `undefined` when the account does not know it. */
  getAssistant(id: string): Promise<AssistantSummary | undefined>;
  /** Deletes the assistant. @returns `false` when it was already gone. */
  deleteAssistant(id: string): Promise<boolean>;
}
