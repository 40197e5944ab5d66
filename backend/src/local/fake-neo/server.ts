import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_NEO_BUSINESS_HOURS, FAKE_NEO_CONSULTATIONS, type FakeNeoConsultation } from './fixtures.js';
import { clientPage, consultationPage, otherPage } from './html.js';

/** Name of the session cookie the fake Neo sets on any HTML page and requires on its data endpoints. */
export const FAKE_NEO_SESSION_COOKIE = 'neo_session';

export interface FakeNeoOptions {
  /** TCP port; `0` (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
}

export interface FakeNeo {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** The fixtures served (ids, page-data, client pages, expected pre-fill). */
  consultations: readonly FakeNeoConsultation[];
  /** Full URL of a consultation's view page. */
  consultationUrl(id: string, form?: 'view' | 'edit'): string;
  stop(): Promise<void>;
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

/**
 * Starts a fake IDEXX Neo origin (node:http) for local runs and browser tests.
 * Routes: `GET /consultations/view/<id>`, `/consultations/edit/<id>` (HTML, sets the session cookie),
 * `GET /consultations/<id>/page-data` (JSON; 401 without the session cookie), `GET /clients/view/<id>` (HTML with
 * "Mobile No:" etc.; 401 without the cookie), `GET /schedule/getScheduleConfigs` (JSON `businessHours`), and any other
 * path as an "Appointments" page. Links between consultations navigate with `history.pushState` (no reload).
 */
export async function startFakeNeo(options: FakeNeoOptions = {}): Promise<FakeNeo> {
  const consultations = FAKE_NEO_CONSULTATIONS;
  const sessions = new Set<string>();

  const withSession = (req: IncomingMessage): Record<string, string> => {
    const existing = readCookie(req, FAKE_NEO_SESSION_COOKIE);
    if (existing && sessions.has(existing)) return {};
    const session = randomBytes(16).toString('hex');
    sessions.add(session);
    return { 'set-cookie': `${FAKE_NEO_SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax` };
  };
  const hasSession = (req: IncomingMessage) => {
    const session = readCookie(req, FAKE_NEO_SESSION_COOKIE);
    return session !== undefined && sessions.has(session);
  };

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://fake-neo.local');
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method_not_allowed' });

    const pageData = /^\/consultations\/(\d+)\/page-data$/.exec(pathname);
    if (pageData) {
      if (!hasSession(req)) return json(res, 401, { error: 'unauthorized', message: 'Session expired' });
      const found = consultations.find((c) => c.id === pageData[1]);
      return found ? json(res, 200, found.pageData) : json(res, 404, { error: 'not_found' });
    }

    const page = /^\/consultations\/(?:view\/|edit\/)?(\d+)\/?$/.exec(pathname);
    if (page) {
      const found = consultations.find((c) => c.id === page[1]);
      if (!found) return send(res, 404, 'text/html; charset=utf-8', '<h1>Consultation not found</h1>');
      return send(res, 200, 'text/html; charset=utf-8', consultationPage(found, consultations), withSession(req));
    }

    const client = /^\/clients\/view\/(\d+)\/?$/.exec(pathname);
    if (client) {
      if (!hasSession(req)) return send(res, 401, 'text/html; charset=utf-8', '<h1>Please log in</h1>');
      const found = consultations.find((c) => String(c.client.id) === client[1])?.client;
      if (!found) return send(res, 404, 'text/html; charset=utf-8', '<h1>Client not found</h1>');
      return send(res, 200, 'text/html; charset=utf-8', clientPage(found, consultations));
    }

    if (pathname === '/schedule/getScheduleConfigs') {
      if (!hasSession(req)) return json(res, 401, { error: 'unauthorized' });
      return json(res, 200, { businessHours: FAKE_NEO_BUSINESS_HOURS });
    }
    if (pathname === '/favicon.ico') return send(res, 404, 'text/plain', '');
    return send(res, 200, 'text/html; charset=utf-8', otherPage(consultations), withSession(req));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    consultations,
    consultationUrl: (id, form = 'view') => `${url}/consultations/${form}/${id}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
