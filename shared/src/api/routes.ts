/**
 * The HTTP API's routes, declared once: the local HTTP server, the CDK HTTP API and the extension's client
 * all read this table. `handler` names the file under `backend/src/handlers/` that serves the route.
 * `auth`: `staff` (any clinic token), `admin` (admin token), `webhook` (the provider's signature, no bearer token),
 * `public` (no authentication: the API's own description).
 */
export const API_ROUTES = [
  { method: 'POST', path: '/calls', handler: 'create-call', auth: 'staff' },
  { method: 'GET', path: '/calls', handler: 'list-calls', auth: 'staff' },
  // Before `/calls/{callId}`: a static segment wins over a path parameter (API Gateway's rule; the local server follows it).
  { method: 'GET', path: '/calls/export.csv', handler: 'export-calls', auth: 'staff' },
  { method: 'GET', path: '/calls/{callId}', handler: 'get-call', auth: 'staff' },
  { method: 'PATCH', path: '/calls/{callId}', handler: 'reschedule-call', auth: 'staff' },
  { method: 'DELETE', path: '/calls/{callId}', handler: 'cancel-call', auth: 'staff' },
  { method: 'POST', path: '/calls/{callId}/resolve', handler: 'resolve-call', auth: 'staff' },
  { method: 'DELETE', path: '/calls/{callId}/resolve', handler: 'reopen-call', auth: 'staff' },
  { method: 'GET', path: '/clinic', handler: 'get-clinic', auth: 'staff' },
  { method: 'POST', path: '/webhooks/retell', handler: 'retell-webhook', auth: 'webhook' },
  // Vapi server messages (docs/vapi.md): HMAC-signed by Vapi, no bearer token.
  { method: 'POST', path: '/webhooks/vapi', handler: 'vapi-webhook', auth: 'webhook' },
  // Retell voice-agent registry (docs/agent-registry.md): admin only.
  { method: 'POST', path: '/agents/sync', handler: 'sync-agents', auth: 'admin' },
  { method: 'GET', path: '/agents', handler: 'list-agents', auth: 'admin' },
  { method: 'GET', path: '/agents/audit', handler: 'audit-agents', auth: 'admin' },
  { method: 'POST', path: '/agents/cleanup-orphaned', handler: 'cleanup-orphaned-agents', auth: 'admin' },
  { method: 'GET', path: '/agents/voices', handler: 'list-voices', auth: 'admin' },
  { method: 'GET', path: '/clinic/agent', handler: 'get-clinic-agent', auth: 'admin' },
  { method: 'PUT', path: '/clinic/agent', handler: 'update-clinic-agent', auth: 'admin' },
  // Calling rules and the do-not-call list (docs/calling-rules.md): admin only. `{phoneNumber}` is URL-encoded E.164 (`%2B1...`).
  { method: 'GET', path: '/clinic/settings', handler: 'get-clinic-settings', auth: 'admin' },
  { method: 'PUT', path: '/clinic/settings', handler: 'update-clinic-settings', auth: 'admin' },
  // The clinic's voice provider and account (docs/vapi.md): admin only; the key is write-only.
  { method: 'GET', path: '/clinic/voice', handler: 'get-clinic-voice', auth: 'admin' },
  { method: 'PUT', path: '/clinic/voice', handler: 'update-clinic-voice', auth: 'admin' },
  { method: 'GET', path: '/clinic/opt-outs', handler: 'list-opt-outs', auth: 'admin' },
  { method: 'POST', path: '/clinic/opt-outs', handler: 'add-opt-out', auth: 'admin' },
  { method: 'DELETE', path: '/clinic/opt-outs/{phoneNumber}', handler: 'remove-opt-out', auth: 'admin' },
  // The clinic's signed-in people with role and last activity (docs/sign-in.md).
  { method: 'GET', path: '/clinic/staff', handler: 'list-staff', auth: 'admin' },
  // The clinic's knowledge base (docs/knowledge-base.md): admin only. Static segments before `{sourceId}`.
  { method: 'GET', path: '/clinic/knowledge', handler: 'list-knowledge', auth: 'admin' },
  { method: 'POST', path: '/clinic/knowledge', handler: 'add-knowledge-source', auth: 'admin' },
  { method: 'POST', path: '/clinic/knowledge/uploads', handler: 'create-knowledge-upload', auth: 'admin' },
  { method: 'POST', path: '/clinic/knowledge/sync', handler: 'sync-knowledge-now', auth: 'admin' },
  { method: 'DELETE', path: '/clinic/knowledge/{sourceId}', handler: 'remove-knowledge-source', auth: 'admin' },
  // The OpenAPI 3.1 description of this table (shared/src/api/openapi.ts), for integrators: no authentication.
  { method: 'GET', path: '/openapi.json', handler: 'get-openapi', auth: 'public' },
] as const;

export type ApiRoute = (typeof API_ROUTES)[number];
export type HandlerName = ApiRoute['handler'];
/** A route that API Gateway guards with the token authorizer (`staff` or `admin`). */
export type TokenRoute = Extract<ApiRoute, { auth: 'staff' | 'admin' }>;

/** Whether API Gateway runs the token authorizer before the route: `staff` and `admin` routes, not `webhook` or `public`. */
export function isTokenRoute(route: ApiRoute): route is TokenRoute {
  return route.auth === 'staff' || route.auth === 'admin';
}

/** Header carrying a client-chosen idempotency key on `POST /calls` (same key → same call). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Header Retell signs webhooks with: `v=<timestamp ms>,d=<hex HMAC-SHA256>` (docs.retellai.com, "Secure the webhook"). */
export const RETELL_SIGNATURE_HEADER = 'x-retell-signature';

/**
 * How long API Gateway keeps the token authorizer's answer for one `Authorization` header value, in seconds (the
 * HTTP API's `authorizerResultTtlInSeconds`; 0–3600, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html).
 * The CDK stack and the local API stand-in both use it, so a token's verdict (allowed or refused) may be up to this
 * old: a disabled person's access token keeps working for at most this long. A revoked API key is refused at once
 * (the HTTP handlers check the key on every request, `backend/src/handlers/http/api-key-use.ts`).
 */
export const AUTHORIZER_CACHE_TTL_SECONDS = 300;

/**
 * The methods a browser may send cross-origin: every method of {@link API_ROUTES}, plus `OPTIONS` for the preflight.
 * Derived from the route table, so a new route's method cannot be missing from CORS (the CDK HTTP API's
 * `corsPreflight.allowMethods` and the local API stand-in both read it).
 */
export const CORS_ALLOW_METHODS: readonly string[] = [...new Set<string>([...API_ROUTES.map((route) => route.method), 'OPTIONS'])];

/** The request headers a browser may send cross-origin (lower case): the bearer token, JSON bodies, the idempotency key. */
export const CORS_ALLOW_HEADERS: readonly string[] = ['authorization', 'content-type', IDEMPOTENCY_KEY_HEADER];
