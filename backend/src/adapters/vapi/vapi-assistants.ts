import { VapiError, VapiTimeoutError, type Vapi } from '@vapi-ai/server-sdk';
import type { VapiResources } from './vapi-client.js';
import { VoiceAccountError, type AccountNumber, type AssistantAccount, type VoiceAccount } from '../../ports/voice-account.js';

/** Assistants / numbers per list request: Vapi's maximum (no cursor; docs/vapi.md). */
export const VAPI_LIST_LIMIT = 1000;

/** The assistant fields we write (a subset of Vapi's `UpdateAssistantDto`); only what is given is sent. */
export type AssistantFields = Omit<Vapi.UpdateAssistantDto, 'id'>;

/**
 * A Vapi account through `@vapi-ai/server-sdk` 2.0.1: phone numbers (`GET /phone-number`) and assistants
 * (`GET|POST /assistant`, `GET|PATCH|DELETE /assistant/{id}`). Every read doubles as the key check: a 401 is
 * `invalid_credentials`. Methods throw {@link VoiceAccountError}.
 */
export class VapiAccount implements VoiceAccount, AssistantAccount {
  constructor(private readonly client: () => Promise<VapiResources>) {}

  async listNumbers(): Promise<AccountNumber[]> {
    const items = await this.call((c) => c.phoneNumbers.list({ limit: VAPI_LIST_LIMIT }));
    return items.map((n) => ({ id: n.id, ...('number' in n && typeof n.number === 'string' ? { number: n.number } : {}) }));
  }

  /** The `phoneNumberId` of an E.164 number in this account, or `undefined`. */
  async phoneNumberIdOf(e164: string): Promise<string | undefined> {
    return (await this.listNumbers()).find((n) => n.number === e164)?.id;
  }

  /** Every assistant of the account (one list request, up to {@link VAPI_LIST_LIMIT}). */
  listAssistants(): Promise<Vapi.Assistant[]> {
    return this.call((c) => c.assistants.list({ limit: VAPI_LIST_LIMIT }));
  }

  /** The assistant, or `undefined` when Vapi does not know it. */
  async getAssistant(id: string): Promise<Vapi.Assistant | undefined> {
    try {
      return await this.call((c) => c.assistants.get({ id }));
    } catch (error) {
      if (error instanceof VoiceAccountError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** `POST /assistant` with `fields` (Vapi's `CreateAssistantDto`; Vapi validates them). */
  createAssistant(fields: Record<string, unknown>): Promise<Vapi.Assistant> {
    return this.call((c) => c.assistants.create(fields as unknown as Vapi.CreateAssistantDto));
  }

  /** `PATCH /assistant/{id}` with exactly `fields` (nested objects such as `model` are replaced whole by Vapi). */
  updateAssistant(id: string, fields: AssistantFields | Record<string, unknown>): Promise<Vapi.Assistant> {
    return this.call((c) => c.assistants.update({ id, ...(fields as AssistantFields) }));
  }

  /**
   * `DELETE /assistant/{id}`. An assistant Vapi no longer knows is a success (`false`: nothing was deleted).
   * @returns `true` when Vapi deleted it.
   * @throws VoiceAccountError (e.g. status 409 `assistant_pinned` when versioning pins it).
   */
  async deleteAssistant(id: string): Promise<boolean> {
    try {
      await this.call((c) => c.assistants.delete({ id }));
      return true;
    } catch (error) {
      if (error instanceof VoiceAccountError && error.status === 404) return false;
      throw error;
    }
  }

  private async call<T>(request: (client: VapiResources) => Promise<T>): Promise<T> {
    try {
      return await request(await this.client());
    } catch (error) {
      throw toAccountError(error);
    }
  }
}

/** 401/403 → `invalid_credentials`; everything else keeps its status as `unavailable`. */
export function toAccountError(error: unknown): VoiceAccountError {
  if (error instanceof VoiceAccountError) return error;
  if (error instanceof VapiTimeoutError) return new VoiceAccountError('unavailable', 'Vapi did not answer in time');
  if (error instanceof VapiError) {
    const status = error.statusCode;
    if (status === 401 || status === 403) return new VoiceAccountError('invalid_credentials', 'Vapi refused the API key', status);
    return new VoiceAccountError('unavailable', status ? `Vapi answered ${status}` : 'Vapi could not be reached', status);
  }
  return new VoiceAccountError('unavailable', error instanceof Error ? error.message : 'unknown error');
}
