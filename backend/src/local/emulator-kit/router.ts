import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler receives: the request, its parsed URL and the `:named` path parameters (URL-decoded). */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

/** One entry of a route table: an HTTP method, a path template such as `/v2/get-call/:call_id`, and a handler. */
export interface Route {
  method: string;
  path: string;
  handler: (ctx: RouteContext) => Promise<void> | void;
}

/**
 * Matches a path template against a request path.
 * @returns the decoded `:name` parameters, or `undefined` when the path does not match.
 */
export function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/**
 * Builds a request handler from a route table (first match wins).
 * @param routes - the table; add an entry to add an endpoint.
 * @param notFound - called when no route matches (method + path).
 */
export function createRouter(
  routes: readonly Route[],
  notFound: (ctx: RouteContext) => Promise<void> | void,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const params = matchPath(route.path, url.pathname);
      if (params) {
        await route.handler({ req, res, url, params });
        return;
      }
    }
    await notFound({ req, res, url, params: {} });
  };
}
