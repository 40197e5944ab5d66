import { randomUUID } from 'node:crypto';
import type { Vapi } from '@vapi-ai/server-sdk';
import * as z from '@vfc/shared/zod';
import { readBody, sendJson, startHttpServer } from '../emulator-kit/http-server.js';
import { createRouter, type RouteContext } from '../emulator-kit/router.js';
import { silentWav } from '../retell-simulator/recording.js';
import type { OutcomeName, SimulatedOutcome } from '../retell-simulator/scripted-outcomes.js';
import { VapiCalls, VapiConcurrencyLimitError, type VapiDelivery, type VapiSimulatorStats } from './vapi-calls.js';
import { SimulatedVapiKnowledge, vapiKnowledgeRoutes } from './vapi-knowledge.js';

export type { VapiDelivery, VapiSimulatorStats } from './vapi-calls.js';

/** Options of {@link startVapiSimulator}. Durations are real milliseconds. */
export interface VapiSimulatorOptions {
  port?: number;
  /** The private key clients send as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** Signs server messages (Vapi HMAC credential); unset = unsigned. */
  webhookSecret?: string;
  /** Org-level server URL (our `/webhooks/vapi`); an assistant's own `server.url` wins. */
  serverUrl?: string;
  /** Live calls allowed at once (Vapi's default org limit: 10); beyond it `POST /call` answers 429. */
  concurrencyLimit?: number;
  /** The org's phone numbers (E.164). Default one: `+15550100000`. */
  numbers?: string[];
  ringMs?: number;
  callDurationMs?: number;
  webhookRetries?: number;
  webhookRetryDelayMs?: number;
  /** Reads of an uploaded file that answer `processing` before it is `done` (or `failed`); default 1. */
  fileReadsToProcess?: number;
  now?: () => number;
}

/** A running Vapi API simulator. */
export interface VapiSimulator {
  /** Base URL for the SDK's clients (`{ token, baseUrl: url, maxRetries: 0 }`). */
  url: string;
  setServerUrl(url: string | undefined): void;
  script(toNumber: string, outcomes: (OutcomeName | SimulatedOutcome)[]): void;
  stats(): VapiSimulatorStats;
  /** Every accepted call, oldest first. */
  calls(): Vapi.Call[];
  assistants(): Vapi.Assistant[];
  phoneNumbers(): { id: string; number: string }[];
  /** The org's files and query tools (the clinic knowledge bases). */
  knowledge: SimulatedVapiKnowledge;
  deliveries(): VapiDelivery[];
  /** Resolves when every scheduled call step and message has run. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const createCallSchema = z.object({
  assistantId: z.string().check(z.minLength(1)),
  phoneNumberId: z.string().check(z.minLength(1)),
  customer: z.object({ number: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'customer.number must be a valid phone number in the E.164 format')) }),
  assistantOverrides: z.optional(z.record(z.string(), z.unknown())),
});

/** Vapi's NestJS-style error body. */
function sendError(ctx: RouteContext, statusCode: number, message: string): void {
  const error = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests' }[statusCode] ?? 'Error';
  sendJson(ctx.res, statusCode, { statusCode, error, message });
}

async function jsonBody(ctx: RouteContext): Promise<unknown> {
  try {
    return JSON.parse((await readBody(ctx.req)) || '{}');
  } catch {
    return undefined;
  }
}

/**
 * Starts a Vapi API simulator for the endpoints `@vapi-ai/server-sdk` calls for this project: `POST|GET /call`,
 * `GET /call/{id}`, `GET|POST /assistant`, `GET|PATCH|DELETE /assistant/{id}`, `GET /phone-number`, and the knowledge
 * base's files and query tools (`vapi-knowledge.ts`). Outcomes follow the
 * Retell simulator's last-four-digits table; server messages are signed as Vapi's HMAC credential does by default.
 */
export async function startVapiSimulator(options: VapiSimulatorOptions): Promise<VapiSimulator> {
  let serverUrl = options.serverUrl;
  let ownUrl = '';
  const now = options.now ?? Date.now;
  const assistants = new Map<string, Vapi.Assistant>();
  const knowledge = new SimulatedVapiKnowledge(now, options.fileReadsToProcess ?? 1);
  const numbers = (options.numbers ?? ['+15550100000']).map((number) => ({ id: randomUUID(), number, provider: 'vapi', status: 'active' }));
  const calls = new VapiCalls({
    concurrencyLimit: options.concurrencyLimit ?? 10,
    ringMs: options.ringMs ?? 300,
    callDurationMs: options.callDurationMs ?? 1500,
    webhookSecret: () => options.webhookSecret,
    serverUrl: (assistantId) => (assistantId ? assistants.get(assistantId)?.server?.url : undefined) ?? serverUrl,
    recordingBaseUrl: () => ownUrl,
    now,
    webhookRetries: options.webhookRetries ?? 3,
    webhookRetryDelayMs: options.webhookRetryDelayMs ?? 100,
  });
  // Messages go to the call's assistant's server URL when it has one, else the org's (Vapi's precedence).
  const route = createRouter(
    [
      {
        method: 'POST',
        path: '/call',
        handler: async (ctx) => {
          const parsed = createCallSchema.safeParse(await jsonBody(ctx));
          if (!parsed.success) return sendError(ctx, 400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          if (!assistants.has(parsed.data.assistantId)) return sendError(ctx, 400, "Couldn't Get Assistant.");
          if (!numbers.some((n) => n.id === parsed.data.phoneNumberId)) return sendError(ctx, 400, "Couldn't Get Phone Number.");
          try {
            const call = calls.create({
              assistantId: parsed.data.assistantId,
              phoneNumberId: parsed.data.phoneNumberId,
              customerNumber: parsed.data.customer.number,
              ...(parsed.data.assistantOverrides ? { assistantOverrides: parsed.data.assistantOverrides as Vapi.AssistantOverrides } : {}),
            });
            sendJson(ctx.res, 201, call);
          } catch (error) {
            if (error instanceof VapiConcurrencyLimitError) return sendError(ctx, 429, error.message);
            throw error;
          }
        },
      },
      { method: 'GET', path: '/call', handler: (ctx) => sendJson(ctx.res, 200, calls.list(Number(ctx.url.searchParams.get('limit') ?? 100))) },
      {
        method: 'GET',
        path: '/call/:id',
        handler: (ctx) => {
          const call = calls.get(ctx.params.id ?? '');
          return call ? sendJson(ctx.res, 200, call) : sendError(ctx, 404, 'Call not found');
        },
      },
      {
        method: 'GET',
        path: '/phone-number',
        handler: (ctx) =>
          sendJson(
            ctx.res,
            200,
            numbers.map((n) => ({ ...n, orgId: 'org_simulated', createdAt: new Date(0).toISOString(), updatedAt: new Date(0).toISOString() })),
          ),
      },
      {
        method: 'GET',
        path: '/assistant',
        handler: (ctx) => sendJson(ctx.res, 200, [...assistants.values()].slice(0, Number(ctx.url.searchParams.get('limit') ?? 100))),
      },
      {
        method: 'GET',
        path: '/assistant/:id',
        handler: (ctx) => {
          const a = assistants.get(ctx.params.id ?? '');
          return a ? sendJson(ctx.res, 200, a) : sendError(ctx, 404, 'Assistant not found');
        },
      },
      {
        method: 'POST',
        path: '/assistant',
        handler: async (ctx) => {
          const body = await jsonBody(ctx);
          if (!body || typeof body !== 'object') return sendError(ctx, 400, 'Invalid JSON body');
          const at = new Date(now()).toISOString();
          const created = { ...(body as object), id: randomUUID(), orgId: 'org_simulated', createdAt: at, updatedAt: at } as Vapi.Assistant;
          assistants.set(created.id, created);
          sendJson(ctx.res, 201, created);
        },
      },
      {
        method: 'PATCH',
        path: '/assistant/:id',
        handler: async (ctx) => {
          const current = assistants.get(ctx.params.id ?? '');
          if (!current) return sendError(ctx, 404, 'Assistant not found');
          const body = await jsonBody(ctx);
          if (!body || typeof body !== 'object') return sendError(ctx, 400, 'Invalid JSON body');
          // Top-level fields are replaced whole (Vapi replaces nested objects such as `model` wholesale).
          const updated = { ...current, ...(body as object), id: current.id, updatedAt: new Date(now()).toISOString() } as Vapi.Assistant;
          assistants.set(current.id, updated);
          sendJson(ctx.res, 200, updated);
        },
      },
      {
        method: 'DELETE',
        path: '/assistant/:id',
        handler: (ctx) => {
          const current = assistants.get(ctx.params.id ?? '');
          if (!current) return sendError(ctx, 404, 'Assistant not found');
          assistants.delete(current.id);
          sendJson(ctx.res, 200, current);
        },
      },
      ...vapiKnowledgeRoutes(knowledge, sendError),
    ],
    (ctx) => sendError(ctx, 404, `Cannot ${ctx.req.method} ${ctx.url.pathname}`),
  );
  const server = await startHttpServer((req, res) => {
    const recording = /^\/recordings\/([\w-]+)\.wav$/.exec(req.url ?? '');
    if (req.method === 'GET' && recording) {
      req.resume();
      const wav = silentWav(1);
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.length), 'access-control-allow-origin': '*' });
      res.end(wav);
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      req.resume();
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.',
        }),
      );
      return;
    }
    return route(req, res);
  }, options.port ?? 0);
  ownUrl = server.url;
  let stopped: Promise<void> | undefined;
  return {
    url: server.url,
    setServerUrl: (url) => {
      serverUrl = url;
    },
    script: (toNumber, outcomes) => calls.script(toNumber, outcomes),
    stats: () => calls.stats(),
    calls: () => calls.list(Number.MAX_SAFE_INTEGER).reverse(),
    assistants: () => [...assistants.values()].map((a) => structuredClone(a)),
    phoneNumbers: () => numbers.map(({ id, number }) => ({ id, number })),
    knowledge,
    deliveries: () => calls.deliveries(),
    settled: () => calls.settled(),
    stop: () =>
      (stopped ??= (async () => {
        await server.stop();
        await calls.stop();
      })()),
  };
}
