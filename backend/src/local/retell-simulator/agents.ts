import { randomBytes } from 'node:crypto';
import { POST_CALL_ANALYSIS_FIELDS } from '@vfc/shared';
import { readBody, sendJson } from '../emulator-kit/http-server.js';
import type { Route, RouteContext } from '../emulator-kit/router.js';

/**
 * Simulated Retell agents, voices and Retell LLMs for the local stack and tests: the agent endpoints retell-sdk 5.66.1
 * calls (`POST /v2/list-agents` with `limit` / `pagination_key` query and `{items, has_more, pagination_key}` answer,
 * `GET /get-agent/{agent_id}`, `PATCH /update-agent/{agent_id}`, `POST /publish-agent-version/{agent_id}`,
 * `GET /list-voices`, `GET /get-retell-llm/{llm_id}`, `PATCH /update-retell-llm/{llm_id}`, and `POST /create-agent` /
 * `POST /create-retell-llm` for the agent a clinic's own workspace is given), scriptable from tests
 * (create / change / delete agents, remove a voice, fail the next requests to stage a Retell outage mid-sync).
 * Snake_case is Retell's wire format.
 */

/** An agent as a test scripts it; omitted fields get defaults (voice channel, version 0, published, en-US). */
export interface ScriptedAgent {
  agent_id: string;
  agent_name: string;
  channel?: 'voice' | 'chat';
  /** `''` or `null` = the voice was removed. */
  voice_id?: string | null;
  /** Tag names (Retell's list item carries them as a map keyed by tag name). */
  tags?: string[];
  version?: number;
  is_published?: boolean;
  language?: string;
  max_call_duration_ms?: number;
  /** ms since the epoch; default: the simulator clock at scripting time. */
  last_modification_timestamp?: number;
  /** The Retell LLM behind the agent (where `begin_message`, the greeting, lives). Default `llm_<agent_id>`. */
  llm_id?: string;
  begin_message?: string;
  /**
   * Retell `post_call_analysis_data` (kept as given and returned by get-agent; update-agent replaces it). Default: the
   * project's fields (`POST_CALL_ANALYSIS_FIELDS`), as on an agent that a sync already set up; `[]` for an agent without.
   */
  post_call_analysis_data?: Record<string, unknown>[];
  /** The agent's own webhook URL (wins over the workspace's); default none. */
  webhook_url?: string | null;
}

/** A Retell voice (`GET /list-voices` item). */
export interface SimulatedVoice {
  voice_id: string;
  voice_name: string;
  provider: 'elevenlabs' | 'openai' | 'cartesia' | 'minimax' | 'fish_audio' | 'inworld' | 'platform';
  gender: 'male' | 'female';
  accent?: string;
  age?: string;
  preview_audio_url?: string;
}

/** Our analysis fields in Retell's wire shape (the simulator's default for a scripted agent). */
const CONFIGURED_ANALYSIS = POST_CALL_ANALYSIS_FIELDS.map((field) => ({ ...field, ...('choices' in field ? { choices: [...field.choices] } : {}) }));

interface StoredAgent extends Required<Omit<ScriptedAgent, 'begin_message' | 'voice_id' | 'webhook_url'>> {
  voice_id: string | null;
  webhook_url: string | null;
}

/** The local demo clinic's agent (`demoClinic().agentId` in seed-demo.ts): voice-enabled and published. */
export const DEMO_AGENT: ScriptedAgent = {
  agent_id: 'agent_demo_followup',
  agent_name: 'Happy Paws follow-up (demo)',
  voice_id: '11labs-Adrian',
  begin_message: 'Hi, this is Happy Paws Veterinary calling to check on {{pet_name}}.',
};

/** Voices the simulated account offers. */
export const DEFAULT_VOICES: SimulatedVoice[] = [
  { voice_id: '11labs-Adrian', voice_name: 'Adrian', provider: 'elevenlabs', gender: 'male', accent: 'American', age: 'Young' },
  { voice_id: '11labs-Myra', voice_name: 'Myra', provider: 'elevenlabs', gender: 'female', accent: 'American', age: 'Young' },
  { voice_id: 'openai-Alloy', voice_name: 'Alloy', provider: 'openai', gender: 'female', accent: 'American' },
  { voice_id: 'cartesia-Cimo', voice_name: 'Cimo', provider: 'cartesia', gender: 'male', accent: 'American' },
];

/** Pages of `list-agents` hold at most this many agents unless a test lowers it with `pageSize`. */
export const DEFAULT_AGENT_PAGE_SIZE = 1000;

/** A scheduled failure: after `after` more agent-API requests succeed, the next `count` answer `status`. */
interface FailurePlan {
  after: number;
  count: number;
  status: number;
}

/** The simulated account's agents, voices and LLMs, and the test hooks to script them. */
export class SimulatedAgents {
  private readonly agents = new Map<string, StoredAgent>();
  private readonly llms = new Map<string, { llm_id: string; begin_message: string | null; version: number; knowledge_base_ids?: string[] | null }>();
  private voices: SimulatedVoice[] = [...DEFAULT_VOICES];
  private failure: FailurePlan | undefined;
  private readonly log: string[] = [];
  /** Maximum agents per `list-agents` page (the request's `limit` can only lower it). */
  pageSize = DEFAULT_AGENT_PAGE_SIZE;

  constructor(
    private readonly now: () => number = Date.now,
    seed: ScriptedAgent[] = [DEMO_AGENT],
  ) {
    for (const agent of seed) this.put(agent);
  }

  /** Creates or replaces an agent (and its LLM's greeting when `begin_message` is given). */
  put(agent: ScriptedAgent): void {
    const llmId = agent.llm_id ?? `llm_${agent.agent_id}`;
    this.agents.set(agent.agent_id, {
      agent_id: agent.agent_id,
      agent_name: agent.agent_name,
      channel: agent.channel ?? 'voice',
      voice_id: agent.voice_id === undefined ? '11labs-Adrian' : agent.voice_id,
      tags: agent.tags ?? [],
      version: agent.version ?? 0,
      is_published: agent.is_published ?? true,
      language: agent.language ?? 'en-US',
      max_call_duration_ms: agent.max_call_duration_ms ?? 3_600_000,
      last_modification_timestamp: agent.last_modification_timestamp ?? this.now(),
      llm_id: llmId,
      post_call_analysis_data: structuredClone(agent.post_call_analysis_data ?? CONFIGURED_ANALYSIS),
      webhook_url: agent.webhook_url ?? null,
    });
    const llm = this.llms.get(llmId);
    this.llms.set(llmId, { llm_id: llmId, begin_message: agent.begin_message ?? llm?.begin_message ?? null, version: llm?.version ?? 0 });
  }

  /**
   * Creates an agent as `POST /create-agent` does (a new `agent_…` id, version 0, a draft not yet published) on the
   * Retell LLM named by `response_engine.llm_id`. @returns the agent, or a refusal in Retell's words.
   */
  create(body: Record<string, unknown>): { agent: Record<string, unknown> } | { error: string } {
    const engine = body.response_engine as { type?: string; llm_id?: string } | undefined;
    if (engine?.type !== 'retell-llm' || !engine.llm_id || !this.llms.has(engine.llm_id)) return { error: 'response_engine must name an existing Retell LLM' };
    if (typeof body.voice_id !== 'string' || !this.voices.some((v) => v.voice_id === body.voice_id)) return { error: `Voice ${String(body.voice_id)} not found` };
    const agentId = `agent_${randomBytes(12).toString('hex')}`;
    this.put({
      agent_id: agentId,
      agent_name: typeof body.agent_name === 'string' ? body.agent_name : '',
      voice_id: body.voice_id,
      llm_id: engine.llm_id,
      version: 0,
      is_published: false,
      ...(typeof body.language === 'string' ? { language: body.language } : {}),
      ...(typeof body.max_call_duration_ms === 'number' ? { max_call_duration_ms: body.max_call_duration_ms } : {}),
      post_call_analysis_data: Array.isArray(body.post_call_analysis_data) ? (body.post_call_analysis_data as Record<string, unknown>[]) : [],
      webhook_url: typeof body.webhook_url === 'string' ? body.webhook_url : null,
    });
    return { agent: this.get(agentId)! };
  }

  /** Creates a Retell LLM as `POST /create-retell-llm` does (`begin_message` kept; the prompt is accepted and not used). */
  createLlm(body: Record<string, unknown>): { llm_id: string; begin_message: string | null; version: number } {
    const llm = { llm_id: `llm_${randomBytes(12).toString('hex')}`, begin_message: typeof body.begin_message === 'string' ? body.begin_message : null, version: 0 };
    this.llms.set(llm.llm_id, llm);
    return { ...llm };
  }

  /** The agent's own webhook URL, or undefined when it has none (or does not exist). */
  webhookUrlOf(agentId: string): string | undefined {
    return this.agents.get(agentId)?.webhook_url ?? undefined;
  }

  /** Changes fields of an existing agent as an edit in Retell's dashboard would (bumps `last_modification_timestamp`). */
  change(agentId: string, fields: Partial<Omit<ScriptedAgent, 'agent_id'>>): void {
    const agent = this.mustGet(agentId);
    this.agents.set(agentId, {
      ...agent,
      ...(fields as Partial<StoredAgent>),
      voice_id: fields.voice_id === undefined ? agent.voice_id : fields.voice_id,
      last_modification_timestamp: fields.last_modification_timestamp ?? Math.max(this.now(), agent.last_modification_timestamp + 1),
    });
  }

  /** Deletes an agent (as `DELETE /delete-agent` would). */
  remove(agentId: string): void {
    this.agents.delete(agentId);
  }

  /** Removes every agent (the demo agent too). */
  clear(): void {
    this.agents.clear();
  }

  /** The agent as Retell's `get-agent` would answer, or undefined. */
  get(agentId: string): Record<string, unknown> | undefined {
    const agent = this.agents.get(agentId);
    return agent ? this.toResponse(agent) : undefined;
  }

  /** The greeting (`begin_message`) of an agent's LLM. */
  greetingOf(agentId: string): string | null | undefined {
    const agent = this.agents.get(agentId);
    return agent ? this.llms.get(agent.llm_id)?.begin_message : undefined;
  }

  /** Replaces the voice list. */
  setVoices(voices: SimulatedVoice[]): void {
    this.voices = [...voices];
  }

  /**
   * Stages a Retell outage: after `after` more agent-API requests succeed, the next `count` answer `status`
   * (default: the very next request fails with 500). Applies to the agent, voice and LLM endpoints only.
   */
  failRequests(plan: Partial<FailurePlan> = {}): void {
    this.failure = { after: plan.after ?? 0, count: plan.count ?? 1, status: plan.status ?? 500 };
  }

  /** Agent-API requests so far, as `METHOD /path` (query excluded). */
  requests(): string[] {
    return [...this.log];
  }

  /** Answers the request with the staged failure, when one is due. @returns true when it did. */
  takeFailure(ctx: RouteContext): boolean {
    this.log.push(`${ctx.req.method} ${ctx.url.pathname}`);
    const plan = this.failure;
    if (!plan) return false;
    if (plan.after > 0) {
      plan.after -= 1;
      return false;
    }
    plan.count -= 1;
    if (plan.count <= 0) this.failure = undefined;
    ctx.req.resume();
    sendJson(ctx.res, plan.status, { status: 'error', message: `Simulated Retell failure (${plan.status})` });
    return true;
  }

  list(limit: number | undefined, after: string | undefined) {
    const size = Math.max(1, Math.min(limit ?? this.pageSize, this.pageSize));
    const all = [...this.agents.values()].sort((a, b) => a.agent_id.localeCompare(b.agent_id));
    const start = after ? all.findIndex((a) => a.agent_id.localeCompare(after) > 0) : 0;
    const page = start < 0 ? [] : all.slice(start, start + size);
    const hasMore = start >= 0 && start + size < all.length;
    return {
      items: page.map((a) => ({
        agent_id: a.agent_id,
        agent_name: a.agent_name,
        channel: a.channel,
        tags: Object.fromEntries(a.tags.map((t) => [t, {}])),
        user_modified_timestamp: a.last_modification_timestamp,
      })),
      has_more: hasMore,
      ...(hasMore && page.length ? { pagination_key: page[page.length - 1]!.agent_id } : {}),
    };
  }

  update(agentId: string, body: Record<string, unknown>): Record<string, unknown> | undefined {
    const agent = this.agents.get(agentId);
    if (!agent) return undefined;
    const editable = ['agent_name', 'voice_id', 'language', 'max_call_duration_ms', 'post_call_analysis_data', 'webhook_url'] as const;
    const next: StoredAgent = { ...agent };
    for (const key of editable) if (key in body) (next as unknown as Record<string, unknown>)[key] = body[key];
    // Editing a published version makes a new draft (Retell: "update an existing agent's latest draft version").
    if (agent.is_published) next.version = agent.version + 1;
    next.is_published = false;
    next.last_modification_timestamp = Math.max(this.now(), agent.last_modification_timestamp + 1);
    this.agents.set(agentId, next);
    return this.toResponse(next);
  }

  publish(agentId: string, version: number): 'ok' | 'not_found' | 'bad_version' {
    const agent = this.agents.get(agentId);
    if (!agent) return 'not_found';
    if (agent.version !== version) return 'bad_version';
    this.agents.set(agentId, { ...agent, is_published: true });
    return 'ok';
  }

  listVoices(): SimulatedVoice[] {
    return [...this.voices];
  }

  getLlm(llmId: string) {
    return this.llms.get(llmId);
  }

  updateLlm(llmId: string, body: Record<string, unknown>) {
    const llm = this.llms.get(llmId);
    if (!llm) return undefined;
    const next = {
      ...llm,
      ...(typeof body.begin_message === 'string' || body.begin_message === null ? { begin_message: body.begin_message as string | null } : {}),
      // The knowledge bases the LLM answers from (`knowledge_base_ids`, docs/knowledge-base.md).
      ...(Array.isArray(body.knowledge_base_ids) || body.knowledge_base_ids === null ? { knowledge_base_ids: body.knowledge_base_ids as string[] | null } : {}),
    };
    this.llms.set(llmId, next);
    return next;
  }

  private mustGet(agentId: string): StoredAgent {
    const agent = this.agents.get(agentId);
    if (!agent) throw new Error(`No simulated agent ${agentId}`);
    return agent;
  }

  private toResponse(agent: StoredAgent): Record<string, unknown> {
    return {
      agent_id: agent.agent_id,
      agent_name: agent.agent_name,
      channel: agent.channel,
      voice_id: agent.voice_id ?? '',
      version: agent.version,
      is_published: agent.is_published,
      language: agent.language,
      max_call_duration_ms: agent.max_call_duration_ms,
      last_modification_timestamp: agent.last_modification_timestamp,
      assigned_tags: agent.tags,
      response_engine: { type: 'retell-llm', llm_id: agent.llm_id, version: 0 },
      post_call_analysis_data: structuredClone(agent.post_call_analysis_data),
      webhook_url: agent.webhook_url,
    };
  }
}

async function jsonBody(ctx: RouteContext): Promise<Record<string, unknown> | undefined> {
  const text = await readBody(ctx.req);
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const error = (ctx: RouteContext, status: number, message: string) => sendJson(ctx.res, status, { status: 'error', message });

/** The agent, voice and LLM routes (register them in the simulator's route table). */
export function agentRoutes(agents: SimulatedAgents): Route[] {
  const guarded = (handler: Route['handler']): Route['handler'] => (ctx) => (agents.takeFailure(ctx) ? undefined : handler(ctx));
  return [
    {
      method: 'POST',
      path: '/v2/list-agents',
      handler: guarded(async (ctx) => {
        await readBody(ctx.req);
        const limit = ctx.url.searchParams.get('limit');
        sendJson(ctx.res, 200, agents.list(limit ? Number(limit) : undefined, ctx.url.searchParams.get('pagination_key') ?? undefined));
      }),
    },
    {
      method: 'GET',
      path: '/get-agent/:agent_id',
      handler: guarded((ctx) => {
        const agent = agents.get(ctx.params.agent_id ?? '');
        if (!agent) return error(ctx, 404, 'Agent not found');
        sendJson(ctx.res, 200, agent);
      }),
    },
    {
      method: 'PATCH',
      path: '/update-agent/:agent_id',
      handler: guarded(async (ctx) => {
        const body = await jsonBody(ctx);
        if (!body) return error(ctx, 400, 'Invalid JSON body');
        if ('voice_id' in body && !agents.listVoices().some((v) => v.voice_id === body.voice_id)) {
          return error(ctx, 422, `Voice ${String(body.voice_id)} not found`);
        }
        const updated = agents.update(ctx.params.agent_id ?? '', body);
        if (!updated) return error(ctx, 404, 'Agent not found');
        sendJson(ctx.res, 200, updated);
      }),
    },
    {
      method: 'POST',
      path: '/publish-agent-version/:agent_id',
      handler: guarded(async (ctx) => {
        const body = await jsonBody(ctx);
        if (!body || typeof body.version !== 'number') return error(ctx, 400, 'version is required');
        const result = agents.publish(ctx.params.agent_id ?? '', body.version);
        if (result === 'not_found') return error(ctx, 404, 'Agent not found');
        if (result === 'bad_version') return error(ctx, 400, `Version ${body.version} is not the agent's draft`);
        ctx.res.writeHead(204);
        ctx.res.end();
      }),
    },
    {
      method: 'POST',
      path: '/create-agent',
      handler: guarded(async (ctx) => {
        const body = await jsonBody(ctx);
        if (!body) return error(ctx, 400, 'Invalid JSON body');
        const created = agents.create(body);
        if ('error' in created) return error(ctx, 400, created.error);
        sendJson(ctx.res, 201, created.agent);
      }),
    },
    {
      method: 'POST',
      path: '/create-retell-llm',
      handler: guarded(async (ctx) => {
        const body = await jsonBody(ctx);
        if (!body) return error(ctx, 400, 'Invalid JSON body');
        sendJson(ctx.res, 201, { ...agents.createLlm(body), last_modification_timestamp: 0, is_published: false });
      }),
    },
    { method: 'GET', path: '/list-voices', handler: guarded((ctx) => sendJson(ctx.res, 200, agents.listVoices())) },
    {
      method: 'GET',
      path: '/get-retell-llm/:llm_id',
      handler: guarded((ctx) => {
        const llm = agents.getLlm(ctx.params.llm_id ?? '');
        if (!llm) return error(ctx, 404, 'LLM not found');
        sendJson(ctx.res, 200, { ...llm, last_modification_timestamp: 0, is_published: true });
      }),
    },
    {
      method: 'PATCH',
      path: '/update-retell-llm/:llm_id',
      handler: guarded(async (ctx) => {
        const body = await jsonBody(ctx);
        if (!body) return error(ctx, 400, 'Invalid JSON body');
        const llm = agents.updateLlm(ctx.params.llm_id ?? '', body);
        if (!llm) return error(ctx, 404, 'LLM not found');
        sendJson(ctx.res, 200, { ...llm, last_modification_timestamp: 0, is_published: false });
      }),
    },
  ];
}
