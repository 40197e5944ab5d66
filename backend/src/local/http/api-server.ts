import type { ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { API_ROUTES, AUTHORIZER_CACHE_TTL_SECONDS, CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, isTokenRoute, type HandlerName } from '@vfc/shared';
import { matchPath } from '../emulator-kit/router.js';
import { readBody, startHttpServer, type RunningServer } from '../emulator-kit/http-server.js';
import { toApiGatewayEvent, toAuthorizerEvent } from './api-gateway-event.js';
import { localLambdaContext } from './lambda-context.js';
import { AuthorizerCache } from './authorizer-cache.js';
import { apiReferenceAsset } from './api-reference-page.js';
import { runAsHandler } from '../aws-call-recorder/handler-scope.js';

type ApiLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** `/calls/{callId}` → `/calls/:callId` (the emulator kit's template syntax). */
const templateOf = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Loads the REAL handler module of a route (the file that is bundled into the Lambda). */
async function loadHandler(name: HandlerName | 'authorizer'): Promise<(event: unknown, context: Context) => Promise<unknown>> {
  const module = (await import(`../../handlers/${name}.ts`)) as { handler: (event: unknown, context: Context) => Promise<unknown> };
  return module.handler;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string) {
  res.writeHead(status, headers);
  res.end(body);
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    // The same lists the CDK HTTP API's CORS configuration is built from.
    'access-control-allow-headers': CORS_ALLOW_HEADERS.join(','),
    'access-control-allow-methods': CORS_ALLOW_METHODS.join(','),
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/**
 * A local stand-in for API Gateway's HTTP API: matches `API_ROUTES`, runs the Lambda authorizer for token routes
 * exactly as API Gateway would (401 `{"message":"Unauthorized"}` without an Authorization header, 403
 * `{"message":"Forbidden"}` when the authorizer says no), then invokes the route's real handler with a v2 event.
 * Like API Gateway, it keeps each authorizer verdict for `AUTHORIZER_CACHE_TTL_SECONDS` per route kind and
 * `Authorization` value. Adds CORS headers for the extension's origin. Beside the API, `GET /docs` serves the API
 * reference page (local only).
 */
export async function startApiServer(port = 0): Promise<RunningServer> {
  const routes = API_ROUTES.map((route) => ({ ...route, template: templateOf(route.path) }));
  const verdicts = new AuthorizerCache<{ isAuthorized: boolean; context?: Record<string, unknown> }>(AUTHORIZER_CACHE_TTL_SECONDS * 1000);
  return startHttpServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cors = corsHeaders(req.headers.origin);
    const json = { 'content-type': 'application/json', ...cors };
    if (req.method === 'OPTIONS') return send(res, 204, cors, '');
    const asset = req.method === 'GET' ? await apiReferenceAsset(url.pathname) : undefined;
    if (asset) return send(res, asset.status, { 'content-type': asset.contentType }, asset.body);

    let params: Record<string, string> | undefined;
    const route = routes.find((r) => r.method === req.method && (params = matchPath(r.template, url.pathname)));
    if (!route || !params) return send(res, 404, json, JSON.stringify({ message: 'Not Found' }));

    const event = toApiGatewayEvent(req, url, `${route.method} ${route.path}`, params, await readBody(req));
    if (isTokenRoute(route)) {
      if (!event.headers.authorization) return send(res, 401, json, JSON.stringify({ message: 'Unauthorized' }));
      const verdict = await verdicts.get(route.auth, event.headers.authorization, async () => {
        const authorize = await loadHandler('authorizer');
        return (await runAsHandler('authorizer', () => authorize(toAuthorizerEvent(event), localLambdaContext('authorizer')))) as {
          isAuthorized: boolean;
          context?: Record<string, unknown>;
        };
      });
      if (!verdict.isAuthorized) return send(res, 403, json, JSON.stringify({ message: 'Forbidden' }));
      (event.requestContext as unknown as { authorizer: unknown }).authorizer = { lambda: verdict.context ?? {} };
    }
    const handler = (await loadHandler(route.handler)) as ApiLambda;
    const result = await runAsHandler(route.handler, () => handler(event, localLambdaContext(route.handler)));
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    send(res, result.statusCode ?? 200, { ...headers, ...cors }, result.body ?? '');
  }, port);
}
