import { readBody, sendJson } from '../emulator-kit/http-server.js';
import type { Route, RouteContext } from '../emulator-kit/router.js';
import { createPhoneCallSchema } from './create-call-request.js';
import type { FaultPlan } from './faults.js';
import { ConcurrencyLimitError, type SimulatedCalls } from './simulated-calls.js';

/** One-shot test hooks of the create-phone-call route. */
export interface CreateCallHooks {
  /** Awaited once, after the next call is accepted and before its 201 is sent; then cleared. */
  afterAccept?: (call: { call_id: string; metadata?: unknown }) => Promise<void> | void;
}

/** Retell's error body: `{status: "error", message}`. */
export function sendRetellError(ctx: RouteContext, status: number, message: string): void {
  sendJson(ctx.res, status, { status: 'error', message });
}

/**
 * The Retell API routes the simulator serves (paths as retell-sdk 5.66 calls them). Add agent/voice endpoints
 * here as new entries.
 */
export function retellRoutes(
  calls: SimulatedCalls,
  faults: FaultPlan,
  hooks: CreateCallHooks = {},
  /** Is `from_number` a number of this workspace? (Retell refuses a number not bought or imported there.) */
  ownsNumber: (fromNumber: string) => boolean = () => true,
): Route[] {
  return [
    {
      method: 'POST',
      path: '/v2/create-phone-call',
      handler: async (ctx) => {
        let json: unknown;
        try {
          json = JSON.parse(await readBody(ctx.req));
        } catch {
          return sendRetellError(ctx, 400, 'Invalid JSON body');
        }
        const parsed = createPhoneCallSchema.safeParse(json);
        if (!parsed.success) {
          const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
          return sendRetellError(ctx, 400, message);
        }
        if (!ownsNumber(parsed.data.from_number)) return sendRetellError(ctx, 404, 'from_number is not a phone number of this workspace');
        const fault = faults.createCall();
        if (fault === '429') return sendRetellError(ctx, 429, 'Account rate limited');
        if (fault === '500') return sendRetellError(ctx, 500, 'Internal server error');
        if (fault === 'timeout') {
          // No answer at all: the client's own timeout fires first; the socket is dropped later. No call is created.
          await new Promise((r) => setTimeout(r, faults.timeoutMs));
          ctx.req.socket.destroy();
          return;
        }
        let created;
        try {
          created = calls.create(parsed.data);
        } catch (error) {
          if (error instanceof ConcurrencyLimitError) return sendRetellError(ctx, 429, error.message);
          throw error;
        }
        // A test's hook runs after the call exists and before the caller hears of it (e.g. to crash the caller).
        const hook = hooks.afterAccept;
        hooks.afterAccept = undefined;
        if (hook) await hook(structuredClone(created));
        sendJson(ctx.res, 201, created);
      },
    },
    {
      method: 'GET',
      path: '/v2/get-call/:call_id',
      handler: (ctx) => {
        const call = calls.get(ctx.params.call_id ?? '');
        if (!call) return sendRetellError(ctx, 404, 'Call not found');
        sendJson(ctx.res, 200, call);
      },
    },
    {
      method: 'POST',
      path: '/v3/list-calls',
      handler: async (ctx) => {
        let body: { filter_criteria?: { metadata?: Array<{ key?: string; type?: string; op?: string; value?: unknown }> }; limit?: number };
        try {
          body = JSON.parse((await readBody(ctx.req)) || '{}');
        } catch {
          return sendRetellError(ctx, 400, 'Invalid JSON body');
        }
        // Only what the backend sends: one metadata string `eq` atom (anything else is refused, not silently ignored).
        const atoms = body.filter_criteria?.metadata ?? [];
        const [atom] = atoms;
        if (atoms.length !== 1 || !atom?.key || atom.type !== 'string' || atom.op !== 'eq' || typeof atom.value !== 'string') {
          return sendRetellError(ctx, 400, 'The simulator supports one metadata string eq filter');
        }
        const items = calls.listByMetadata(atom.key, atom.value).slice(0, body.limit ?? 50);
        sendJson(ctx.res, 200, { items, has_more: false });
      },
    },
    {
      method: 'GET',
      path: '/get-concurrency',
      handler: (ctx) => sendJson(ctx.res, 200, calls.concurrency()),
    },
  ];
}
