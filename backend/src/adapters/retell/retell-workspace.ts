import Retell from 'retell-sdk';
import { AgentDirectoryError } from '../../ports/agent-directory.js';
import type { NewRetellAgent, RetellAgentSetup } from '../../ports/retell-agent-setup.js';
import { VoiceAccountError, type AccountNumber, type VoiceAccount } from '../../ports/voice-account.js';
import { toDirectoryError } from './retell-agent-directory.js';

/** Phone numbers per `list-phone-numbers` page we ask for. */
export const NUMBER_PAGE_SIZE = 100;
/** Safety stop for a pagination loop that never ends (a provider bug). */
const MAX_NUMBER_PAGES = 100;

/**
 * One Retell workspace reached with its own API key (a clinic's own), on retell-sdk 5.66.1: its phone numbers
 * (`GET /v2/list-phone-numbers`, paginated by `pagination_key` / `has_more` — also the cheap authenticated read that
 * proves the key), and creating / re-pointing our follow-up agent (`POST /create-retell-llm`, `POST /create-agent`,
 * `GET /get-agent/{id}`, `PATCH /update-agent/{id}`). Snake_case stays in this file.
 */
export class RetellWorkspace implements VoiceAccount, RetellAgentSetup {
  constructor(private readonly client: () => Promise<Retell>) {}

  /** Every number of the workspace (`id` = `number` = the E.164 number). @throws VoiceAccountError (401/403 → `invalid_credentials`). */
  async listNumbers(): Promise<AccountNumber[]> {
    const numbers: AccountNumber[] = [];
    let pageKey: string | undefined;
    for (let pages = 1; ; pages += 1) {
      const page = await this.read((c) => c.phoneNumber.list({ limit: NUMBER_PAGE_SIZE, ...(pageKey ? { pagination_key: pageKey } : {}) }));
      numbers.push(...page.items.map((n) => ({ id: n.phone_number, number: n.phone_number })));
      pageKey = page.has_more ? page.pagination_key : undefined;
      if (!pageKey) return numbers;
      if (pages >= MAX_NUMBER_PAGES) throw new VoiceAccountError('unavailable', `Retell kept paginating phone numbers after ${MAX_NUMBER_PAGES} pages`);
    }
  }

  async createAgent(agent: NewRetellAgent): Promise<{ agentId: string; version: number }> {
    return this.write(async (c) => {
      const llm = await c.llm.create({ general_prompt: agent.prompt, begin_message: agent.greeting, start_speaker: 'agent' });
      const created = await c.agent.create({
        agent_name: agent.agentName,
        voice_id: agent.voiceId,
        response_engine: { type: 'retell-llm', llm_id: llm.llm_id },
        webhook_url: agent.webhookUrl,
        max_call_duration_ms: agent.maxCallDurationMs,
        post_call_analysis_data: agent.analysisFields.map((field) =>
          field.type === 'enum'
            ? { type: 'enum' as const, name: field.name, description: field.description, choices: [...(field.choices ?? [])] }
            : { type: field.type, name: field.name, description: field.description },
        ),
      });
      return { agentId: created.agent_id, version: created.version ?? 0 };
    });
  }

  async webhookUrlOf(agentId: string): Promise<string | undefined> {
    const agent = await this.write((c) => c.agent.retrieve(agentId));
    return agent.webhook_url ?? undefined;
  }

  async setWebhookUrl(agentId: string, url: string): Promise<{ version: number }> {
    const draft = await this.write((c) => c.agent.update(agentId, { webhook_url: url }));
    return { version: draft.version ?? 0 };
  }

  /** A read that proves the key: 401/403 → `invalid_credentials`; 5xx / 408 / 429 / network → `unavailable`. */
  private async read<T>(fn: (client: Retell) => PromiseLike<T>): Promise<T> {
    try {
      return await fn(await this.client());
    } catch (error) {
      if (error instanceof Retell.AuthenticationError || error instanceof Retell.PermissionDeniedError) {
        throw new VoiceAccountError('invalid_credentials', 'Retell refused the API key', error.status);
      }
      if (error instanceof Retell.APIError && error.status !== undefined && error.status < 500 && error.status !== 408 && error.status !== 429) {
        throw new VoiceAccountError('unavailable', `Retell refused the request (${error.status})`, error.status);
      }
      throw new VoiceAccountError('unavailable', 'Retell could not be reached', error instanceof Retell.APIError ? error.status : undefined);
    }
  }

  /** Agent calls map their errors as the agent directory does ({@link AgentDirectoryError}). */
  private async write<T>(fn: (client: Retell) => PromiseLike<T>): Promise<T> {
    try {
      return await fn(await this.client());
    } catch (error) {
      throw error instanceof AgentDirectoryError ? error : toDirectoryError(error);
    }
  }
}
