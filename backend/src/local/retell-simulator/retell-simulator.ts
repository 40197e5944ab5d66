import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer } from '../emulator-kit/http-server.js';
import { sendJson } from '../emulator-kit/http-server.js';
import { createRouter, type Route } from '../emulator-kit/router.js';
import { agentRoutes, SimulatedAgents } from './agents.js';
import { knowledgeBaseRoutes, SimulatedKnowledgeBases } from './knowledge-bases.js';
import { retellRoutes, sendRetellError, type CreateCallHooks } from './retell-routes.js';
import type { OutcomeName, SimulatedOutcome } from './scripted-outcomes.js';
import { FaultPlan, type FaultCounts, type SimulatorFaults } from './faults.js';
import { SimulatedCalls, type SimulatedCallRecord, type SimulatorStats } from './simulated-calls.js';
import type { WebhookDelivery } from './webhook-sender.js';
import { silentWav } from './recording.js';

export { OUTCOMES, SCRIPTED_OUTCOMES, type OutcomeName, type SimulatedOutcome } from './scripted-outcomes.js';
export type { SimulatedCallRecord, SimulatorStats } from './simulated-calls.js';
export type { FaultCounts, SimulatorFaults } from './faults.js';
export { DEMO_AGENT, SimulatedAgents, type ScriptedAgent, type SimulatedVoice } from './agents.js';
export type { WebhookDelivery, WebhookEvent } from './webhook-sender.js';

/** Options of {@link startRetellSimulator}. All durations are real milliseconds. */
export interface RetellSimulatorOptions {
  /** TCP port on 127.0.0.1; 0 or absent = a free one. */
  port?: number;
  /** The API key clients must send as `Authorization: Bearer <apiKey>`; also the webhook signing key. */
  apiKey: string;
  /** Where webhooks go (our API's `/webhooks/retell`); may be set later with `setWebhookUrl`. */
  webhookUrl?: string;
  /** Live calls allowed at once (Retell pay-as-you-go default 20); beyond it create-phone-call answers 429. */
  concurrencyLimit?: number;
  /** Creation → call_started (connected) or → call_ended (never connected). Default 300. */
  ringMs?: number;
  /** call_started → call_ended. Default 1500. */
  callDurationMs?: number;
  /** call_ended → call_analyzed. Default 200. */
  analysisDelayMs?: number;
  /** agent_id of calls placed without override_agent_id. Default `agent_local_default`. */
  defaultAgentId?: string;
  /** Delay before the first webhook retry (doubles per retry). Default 100. */
  webhookRetryDelayMs?: number;
  /** Clock for call timestamps (UTC epoch ms). Default Date.now. */
  now?: () => number;
  /** Fault modes (README "Fault modes"); all off by default. Change them later with `setFaults`. */
  faults?: SimulatorFaults;
  /** The workspace's phone numbers (E.164) served by `GET /v2/list-phone-numbers`. Default none (listed empty, not enforced). */
  numbers?: string[];
}

/** Options of {@link RetellSimulator.addWorkspace}: a second Retell workspace (e.g. a clinic's own) in the same simulator. */
export interface RetellWorkspaceOptions {
  /** The workspace's API key: requests with it reach this workspace; its webhooks are signed with it. */
  apiKey: string;
  /** Its phone numbers (E.164): listed by `GET /v2/list-phone-numbers`; create-phone-call refuses another `from_number`. */
  numbers: string[];
  /** Its live-call limit (Retell's default 20). */
  concurrencyLimit?: number;
  /** Where its calls' webhooks go when their agent has no `webhook_url` (default: nowhere, as a workspace with no account-level URL). */
  webhookUrl?: string;
}

/** One simulated workspace as tests see it: its agents, numbers and calls. */
export interface RetellWorkspaceView {
  agents: SimulatedAgents;
  /** The workspace's knowledge bases (create / add-sources / delete-source / get). */
  knowledgeBases: SimulatedKnowledgeBases;
  numbers: string[];
  stats(): SimulatorStats;
  callLog(): SimulatedCallRecord[];
  script(toNumber: string, outcomes: (OutcomeName | SimulatedOutcome)[]): void;
  webhookDeliveries(): WebhookDelivery[];
}

/** A running Retell API simulator. */
export interface RetellSimulator {
  /** Base URL for `new Retell({ apiKey, baseURL: url, maxRetries: 0 })`. */
  url: string;
  setWebhookUrl(url: string | undefined): void;
  /** Overrides the outcomes of the next calls to `toNumber` (n-th call gets `outcomes[n]`, then the last one). */
  script(toNumber: string, outcomes: (OutcomeName | SimulatedOutcome)[]): void;
  stats(): SimulatorStats;
  /** Every accepted call (call_id, to_number, metadata, real created/ended ms), in creation order. */
  callLog(): SimulatedCallRecord[];
  /** Replaces the fault modes (`{}` = all off). */
  setFaults(faults: SimulatorFaults): void;
  /**
   * Runs `hook` once, after the NEXT create-phone-call is accepted (the call exists and rings) and before its 201 is
   * sent — e.g. to crash our stack between "Retell accepted" and "we stored the call id".
   */
  afterNextAccept(hook: NonNullable<CreateCallHooks['afterAccept']>): void;
  /** How many faults were injected so far. */
  faultsInjected(): FaultCounts;
  /** The simulated agents, voices and LLMs (script them in tests: put, change, remove, failRequests, pageSize). */
  agents: SimulatedAgents;
  /** The simulated knowledge bases (read them in tests: `ids()`, `sourcesOf(id)`). */
  knowledgeBases: SimulatedKnowledgeBases;
  /** Webhook deliveries so far (event, call_id, status, attempts, delivered). */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when every webhook started so far has been delivered or given up. */
  webhooksSettled(): Promise<void>;
  /**
   * Adds another workspace with its own key, numbers, agents (none at first), calls and concurrency; its webhooks are
   * signed with its own key. The first workspace is the one the top-level methods describe.
   * @throws Error when the key is already a workspace's.
   */
  addWorkspace(options: RetellWorkspaceOptions): RetellWorkspaceView;
  /** The workspace of `apiKey` (the first one's key included), or undefined. */
  workspace(apiKey: string): RetellWorkspaceView | undefined;
  /** Cancels pending call timers, waits for webhooks in flight, closes the server. Idempotent. */
  stop(): Promise<void>;
}

interface Workspace extends RetellWorkspaceView {
  calls: SimulatedCalls;
  route: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/**
 * Starts a Retell API simulator for the subset this project uses (create-phone-call, get-call, get-concurrency),
 * with scripted outcomes by destination number and signed webhooks. See README.md for the script.
 */
export async function startRetellSimulator(options: RetellSimulatorOptions): Promise<RetellSimulator> {
  let webhookUrl = options.webhookUrl;
  let ownUrl = '';
  const faults = new FaultPlan(options.faults);
  const now = options.now ?? Date.now;
  const createHooks: CreateCallHooks = {};
  const workspaces = new Map<string, Workspace>();

  /** One workspace: its own calls (signed with its key), agents, numbers and routes; the fault plan and timing are shared. */
  const makeWorkspace = (spec: {
    apiKey: string;
    numbers: string[];
    enforceNumbers: boolean;
    concurrencyLimit: number;
    agents: SimulatedAgents;
    webhookUrl: () => string | undefined;
  }): Workspace => {
    const agents = spec.agents;
    const calls = new SimulatedCalls({
      faults,
      apiKey: spec.apiKey,
      concurrencyLimit: spec.concurrencyLimit,
      defaultAgentId: options.defaultAgentId ?? 'agent_local_default',
      now,
      // Retell's precedence: the agent's own webhook URL, else the workspace's.
      webhookUrl: (agentId) => agents.webhookUrlOf(agentId) ?? spec.webhookUrl(),
      recordingBaseUrl: () => ownUrl,
      timing: {
        ringMs: options.ringMs ?? 300,
        callDurationMs: options.callDurationMs ?? 1500,
        analysisDelayMs: options.analysisDelayMs ?? 200,
        webhookRetries: 3,
        webhookRetryDelayMs: options.webhookRetryDelayMs ?? 100,
        webhookTimeoutMs: 10_000,
      },
    });
    const numbers = [...spec.numbers];
    const numberRoutes: Route[] = [
      {
        method: 'GET',
        path: '/v2/list-phone-numbers',
        handler: (ctx) =>
          sendJson(ctx.res, 200, {
            items: numbers.map((n) => ({ phone_number: n, phone_number_type: 'retell-twilio', last_modification_timestamp: 0 })),
            has_more: false,
          }),
      },
    ];
    const knowledgeBases = new SimulatedKnowledgeBases();
    const numberGuard = spec.enforceNumbers ? (from: string) => numbers.includes(from) : () => true;
    const route = createRouter([...retellRoutes(calls, faults, createHooks, numberGuard), ...agentRoutes(agents), ...numberRoutes, ...knowledgeBaseRoutes(knowledgeBases, (handler) => handler)], (ctx) =>
      sendRetellError(ctx, 404, `No route ${ctx.req.method} ${ctx.url.pathname}`),
    );
    return {
      agents,
      numbers,
      calls,
      knowledgeBases,
      route,
      stats: () => calls.stats(),
      callLog: () => calls.callLog(),
      script: (toNumber, outcomes) => calls.script(toNumber, outcomes),
      webhookDeliveries: () => calls.webhookDeliveries(),
    };
  };

  const main = makeWorkspace({
    apiKey: options.apiKey,
    numbers: options.numbers ?? [],
    enforceNumbers: false,
    concurrencyLimit: options.concurrencyLimit ?? 20,
    agents: new SimulatedAgents(now),
    webhookUrl: () => webhookUrl,
  });
  workspaces.set(options.apiKey, main);
  const { calls, agents, knowledgeBases } = main;
  const server = await startHttpServer((req: IncomingMessage, res: ServerResponse) => {
    // Recordings are public URLs (no bearer token), as Retell's are: an audio player loads them directly.
    const recording = /^\/recordings\/([\w-]+)\.wav$/.exec(req.url ?? '');
    if (req.method === 'GET' && recording) {
      req.resume();
      const call = [...workspaces.values()].map((w) => w.calls.get(recording[1]!)).find(Boolean);
      if (!call?.recording_url) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('No recording');
        return;
      }
      const wav = silentWav(Math.max(1, Math.round((call.duration_ms ?? 1000) / 1000)));
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.length), 'access-control-allow-origin': '*' });
      res.end(wav);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const workspace = bearer === undefined ? undefined : workspaces.get(bearer);
    if (!workspace) {
      req.resume();
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'error', message: 'Unauthorized' }));
      return;
    }
    return workspace.route(req, res);
  }, options.port ?? 0);

  ownUrl = server.url;
  let stopped: Promise<void> | undefined;
  return {
    url: server.url,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    script: (toNumber, outcomes) => calls.script(toNumber, outcomes),
    agents,
    knowledgeBases,
    stats: () => calls.stats(),
    callLog: () => calls.callLog(),
    setFaults: (next) => faults.set(next),
    afterNextAccept: (hook) => {
      createHooks.afterAccept = hook;
    },
    faultsInjected: () => faults.injected(),
    webhookDeliveries: () => calls.webhookDeliveries(),
    webhooksSettled: async () => {
      for (const workspace of workspaces.values()) await workspace.calls.webhooksSettled();
    },
    addWorkspace: (spec) => {
      if (workspaces.has(spec.apiKey)) throw new Error('That key is already a workspace of this simulator');
      const workspace = makeWorkspace({
        apiKey: spec.apiKey,
        numbers: spec.numbers,
        enforceNumbers: true,
        concurrencyLimit: spec.concurrencyLimit ?? 20,
        agents: new SimulatedAgents(now, []),
        webhookUrl: () => spec.webhookUrl,
      });
      workspaces.set(spec.apiKey, workspace);
      return workspace;
    },
    workspace: (apiKey) => workspaces.get(apiKey),
    stop: () =>
      (stopped ??= (async () => {
        await server.stop();
        for (const workspace of workspaces.values()) await workspace.calls.stop();
      })()),
  };
}
