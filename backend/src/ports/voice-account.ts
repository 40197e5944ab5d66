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
}

/** The assistant endpoints the sync needs (`VapiAccount` implements them). Methods throw {@link VoiceAccountError}. */
export interface AssistantAccount {
  listAssistants(): Promise<AssistantSummary[]>;
  createAssistant(fields: Record<string, unknown>): Promise<AssistantSummary>;
  updateAssistant(id: string, fields: Record<string, unknown>): Promise<AssistantSummary>;
}
