import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer } from '../emulator-kit/http-server.js';
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
  /** Cancels pending call timers, waits for webhooks in flight, closes the server. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a Retell API simulator for the subset this project uses (create-phone-call, get-call, get-concurrency),
 * with scripted outcomes by destination number and signed webhooks. See README.md for the script.
 */
export async function startRetellSimulator(options: RetellSimulatorOptions): Promise<RetellSimulator> {
  let webhookUrl = options.webhookUrl;
  let ownUrl = '';
  const faults = new FaultPlan(options.faults);
  const calls = new SimulatedCalls({
    faults,
    apiKey: options.apiKey,
    concurrencyLimit: options.concurrencyLimit ?? 20,
    defaultAgentId: options.defaultAgentId ?? 'agent_local_default',
    now: options.now ?? Date.now,
    webhookUrl: () => webhookUrl,
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
  const agents = new SimulatedAgents(options.now ?? Date.now);
  const createHooks: CreateCallHooks = {};
  const knowledgeBases = new SimulatedKnowledgeBases();
  // The agents' scripted failures do not reach the knowledge-base routes (the bearer key is checked below for all).
  const guarded = (handler: Route['handler']): Route['handler'] => handler;
  const route = createRouter([...retellRoutes(calls, faults, createHooks), ...agentRoutes(agents), ...knowledgeBaseRoutes(knowledgeBases, guarded)], (ctx) => sendRetellError(ctx, 404, `No route ${ctx.req.method} ${ctx.url.pathname}`));
  const server = await startHttpServer((req: IncomingMessage, res: ServerResponse) => {
    // Recordings are public URLs (no bearer token), as Retell's are: an audio player loads them directly.
    const recording = /^\/recordings\/([\w-]+)\.wav$/.exec(req.url ?? '');
    if (req.method === 'GET' && recording) {
      req.resume();
      const call = calls.get(recording[1]!);
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
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      req.resume();
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'error', message: 'Unauthorized' }));
      return;
    }
    return route(req, res);
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
    webhooksSettled: () => calls.webhooksSettled(),
    stop: () =>
      (stopped ??= (async () => {
        await server.stop();
        await calls.stop();
      })()),
  };
}
