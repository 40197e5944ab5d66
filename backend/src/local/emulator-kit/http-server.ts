import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running local HTTP server bound to 127.0.0.1. */
export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The bound TCP port. */
  port: number;
  /** Stops accepting connections, drops open sockets and resolves when closed. Idempotent. */
  stop(): Promise<void>;
}

/** How long the local servers keep an idle keep-alive connection, ms (Node's default is 5 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Starts a node:http server on 127.0.0.1.
 * @param handler - request handler; an exception it throws (sync or async) becomes a 500 with a JSON body.
 * @param port - TCP port; 0 (the default) picks a free one.
 */
export async function startHttpServer(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
  port = 0,
): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
        }
        res.end(JSON.stringify({ message: error instanceof Error ? error.message : 'internal error' }));
      });
  });
  // Idle keep-alive sockets are closed by the client first (undici keeps them for the server's hint minus a margin),
  // never by the server just as a pooled socket is reused, which a loaded machine turned into ECONNRESET.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    stop: () =>
      (stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}

/** Reads a request body fully as UTF-8 text (the raw bytes as sent, not re-serialised). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a JSON response with `content-type: application/json` and any extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
