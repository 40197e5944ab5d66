import { contractViolations } from './openapi-contract.js';

/** An answer of the HTTP API as the tests read it: the status and the parsed JSON body (`undefined` when empty or not JSON). */
export interface ApiAnswer {
  status: number;
  /** Loosely typed on purpose: tests parse it with the shared zod schemas or match it partially. */
  json: any;
  /** The raw body (e.g. a CSV download). */
  text: string;
  headers: Headers;
}

/** Options of {@link apiClient}. */
export interface ApiClientOptions {
  /**
   * Check every answer against the API's OpenAPI document (default true): an undocumented route, status, content
   * type or body shape throws, naming what differs. Off only for a server that is not this API.
   */
  contract?: boolean;
}

/** Request options: `fetch`'s, plus the bearer token (`null` sends no `Authorization` header). */
export type ApiInit = RequestInit & { token?: string | null };

/** Calls one path of the API; see {@link apiClient}. */
export type Api = (path: string, init?: ApiInit) => Promise<ApiAnswer>;

/**
 * A small client of the HTTP API for tests against the local stack: `api('/calls', {method: 'POST', body})` sends
 * `Authorization: Bearer <token>` (the default token unless `init.token` is given; `null` sends none) and
 * `content-type: application/json` when there is a body, and answers `{status, json}`. Nothing is retried.
 *
 * @param baseUrl the API's origin, e.g. `() => stack.apiUrl` (read on every request: the stack starts in `beforeAll`)
 * @param defaultToken the token used when a request names none (read on every request too)
 * @throws Error when `options.contract` is on and the answer is not what the OpenAPI document says
 */
export function apiClient(baseUrl: () => string, defaultToken: () => string, options: ApiClientOptions = {}): Api {
  const { contract = true } = options;
  return async (path, init = {}) => {
    const { token = defaultToken(), ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    if (rest.body) headers.set('content-type', 'application/json');
    const res = await fetch(`${baseUrl()}${path}`, { ...rest, headers });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (contract) {
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const violations = await contractViolations({ method: rest.method ?? 'GET', path, status: res.status, contentType, json });
      if (violations.length) throw new Error(`The answer breaks the OpenAPI document:\n${violations.join('\n')}`);
    }
    return { status: res.status, json, text, headers: res.headers };
  };
}

/** Options of {@link pollUntil}; both in real milliseconds. */
export interface PollOptions {
  /** Give up after this long (default 20 000 ms). */
  timeoutMs?: number;
  /** Pause between reads (default 150 ms). */
  intervalMs?: number;
}

/**
 * Reads until `done(value)` holds and answers that value: for state the system reaches on its own (a call dialled by
 * the scheduler, a webhook applied). Throws after `timeoutMs` with `describe(lastValue)` (default: its JSON) so a
 * failure says where things stood.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions & { describe?: (last: T) => string } = {},
): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 150, describe = (last: T) => `last value ${JSON.stringify(last)}` } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; ${describe(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * A call request (`POST /calls` body) due `inMinutes` minutes after `now` (the stack's clock, which may run faster
 * than real time), for the demo pet Rex and his owner.
 */
export function callRequestAt(now: Date, phoneNumber: string, inMinutes = 10, consultationId = '310382') {
  return {
    consultationId,
    petName: 'Rex',
    ownerName: 'Ana Silva',
    phoneNumber,
    scheduledFor: new Date(now.getTime() + inMinutes * 60_000).toISOString(),
  };
}
