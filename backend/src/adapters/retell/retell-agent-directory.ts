import Retell from 'retell-sdk';
import type { AnalysisFieldSpec, RetellVoice } from '@vfc/shared';
import {
  AgentDirectoryError,
  type AgentDetails,
  type AgentDirectory,
  type AgentEdit,
  type AgentPage,
} from '../../ports/agent-directory.js';

/** Agents per `list-agents` page we ask for (Retell's default page size applies when unset). */
export const AGENT_PAGE_SIZE = 100;

type RetellAgent = Retell.AgentResponse;

/**
 * {@link AgentDirectory} on retell-sdk 5.66.1: `agent.list` (`POST /v2/list-agents`, paginated by `pagination_key` /
 * `has_more`), `agent.retrieve` (`GET /get-agent/{agent_id}`), `agent.update` (`PATCH /update-agent/{agent_id}`),
 * `agent.publish` (`POST /publish-agent-version/{agent_id}`), `voice.list` (`GET /list-voices`) and the Retell LLM's
 * `begin_message` (`GET /get-retell-llm`, `PATCH /update-retell-llm`). Snake_case stays in this file.
 */
export class RetellAgentDirectory implements AgentDirectory {
  constructor(private readonly client: () => Promise<Retell>) {}

  async listAgents(pageKey?: string): Promise<AgentPage> {
    const page = await this.call((c) => c.agent.list({ limit: AGENT_PAGE_SIZE, ...(pageKey ? { pagination_key: pageKey } : {}) }));
    return {
      items: page.items.map((item) => ({
        agentId: item.agent_id,
        agentName: item.agent_name ?? '',
        channel: item.channel,
        tags: Object.keys(item.tags ?? {}),
        userModifiedTimestamp: item.user_modified_timestamp,
      })),
      ...(page.has_more && page.pagination_key ? { nextPageKey: page.pagination_key } : {}),
    };
  }

  async getAgent(agentId: string): Promise<AgentDetails | undefined> {
    try {
      return toDetails(await this.call((c) => c.agent.retrieve(agentId), true));
    } catch (error) {
      if (error === NOT_FOUND) return undefined;
      throw error;
    }
  }

  async listVoices(): Promise<RetellVoice[]> {
    const voices = await this.call((c) => c.voice.list());
    return voices.map((v) => ({
      voiceId: v.voice_id,
      voiceName: v.voice_name,
      provider: v.provider,
      ...(v.gender ? { gender: v.gender } : {}),
      ...(v.accent ? { accent: v.accent } : {}),
      ...(v.age ? { age: v.age } : {}),
      ...(v.preview_audio_url ? { previewAudioUrl: v.preview_audio_url } : {}),
    }));
  }

  async updateAgent(agentId: string, edit: AgentEdit): Promise<AgentDetails> {
    const draft = await this.call((c) =>
      c.agent.update(agentId, {
        ...(edit.voiceId !== undefined ? { voice_id: edit.voiceId } : {}),
        ...(edit.language !== undefined ? { language: edit.language as never } : {}),
        ...(edit.maxCallDurationMs !== undefined ? { max_call_duration_ms: edit.maxCallDurationMs } : {}),
      }),
    );
    return toDetails(draft);
  }

  async setAnalysisFields(agentId: string, fields: readonly AnalysisFieldSpec[]): Promise<AgentDetails> {
    const current = await this.call((c) => c.agent.retrieve(agentId));
    const ours = new Set(fields.map((field) => field.name));
    const kept = (current.post_call_analysis_data ?? []).filter((field) => !ours.has(field.name));
    const written = fields.map((field) =>
      field.type === 'enum'
        ? { type: 'enum' as const, name: field.name, description: field.description, choices: [...(field.choices ?? [])] }
        : { type: field.type, name: field.name, description: field.description },
    );
    const draft = await this.call((c) =>
      c.agent.update(agentId, { post_call_analysis_data: [...kept, ...written] as Retell.AgentUpdateParams['post_call_analysis_data'] }),
    );
    return toDetails(draft);
  }

  async publishAgent(agentId: string, version: number): Promise<void> {
    await this.call((c) => c.agent.publish(agentId, { version }));
  }

  async getGreeting(llmId: string): Promise<string | undefined> {
    const llm = await this.call((c) => c.llm.retrieve(llmId));
    return llm.begin_message ?? undefined;
  }

  async updateGreeting(llmId: string, greeting: string): Promise<void> {
    await this.call((c) => c.llm.update(llmId, { begin_message: greeting }));
  }

  /** Runs one SDK call, mapping its errors to {@link AgentDirectoryError} (404 → {@link NOT_FOUND} when asked). */
  private async call<T>(fn: (client: Retell) => PromiseLike<T>, notFoundIsAnswer = false): Promise<T> {
    const client = await this.client();
    try {
      return await fn(client);
    } catch (error) {
      if (notFoundIsAnswer && error instanceof Retell.NotFoundError) throw NOT_FOUND;
      throw toDirectoryError(error);
    }
  }
}

const NOT_FOUND = Symbol('not found');

/** Maps retell-sdk errors: 5xx / 408 / 429 / network → `unavailable`; other 4xx → `rejected` (with Retell's message). */
export function toDirectoryError(error: unknown): AgentDirectoryError {
  if (error instanceof AgentDirectoryError) return error;
  if (error instanceof Retell.APIConnectionError) return new AgentDirectoryError('unavailable', 'Retell could not be reached');
  if (error instanceof Retell.APIError) {
    const status = error.status ?? 0;
    if (status >= 500 || status === 408 || status === 429) return new AgentDirectoryError('unavailable', `Retell answered ${status}`, status);
    return new AgentDirectoryError('rejected', `Retell refused the request (${status}): ${error.message}`, status);
  }
  return new AgentDirectoryError('unavailable', error instanceof Error ? error.message : 'unknown Retell error');
}

function toDetails(agent: RetellAgent): AgentDetails {
  const language = Array.isArray(agent.language) ? agent.language.join(',') : agent.language;
  const engine = agent.response_engine;
  return {
    agentId: agent.agent_id,
    agentName: agent.agent_name ?? '',
    ...(agent.voice_id ? { voiceId: agent.voice_id } : {}),
    version: agent.version ?? 0,
    isPublished: agent.is_published ?? false,
    ...(language ? { language } : {}),
    lastModificationTimestamp: agent.last_modification_timestamp ?? 0,
    ...(agent.max_call_duration_ms !== undefined ? { maxCallDurationMs: agent.max_call_duration_ms } : {}),
    ...(engine?.type === 'retell-llm' ? { llmId: engine.llm_id } : {}),
    analysisFieldNames: (agent.post_call_analysis_data ?? []).map((field) => field.name),
  };
}
