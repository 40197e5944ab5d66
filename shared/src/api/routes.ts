/**
 * The HTTP API's routes, declared once: the local HTTP server, the CDK HTTP API and the extension's client
 * all read this table. `handler` names the file under `backend/src/handlers/` that serves the route.
 * `auth`: `staff` (any clinic token), `admin` (admin token), `webhook` (Retell signature, no bearer token).
 */
export const API_ROUTES = [
  { method: 'POST', path: '/calls', handler: 'create-call', auth: 'staff' },
  { method: 'GET', path: '/calls', handler: 'list-calls', auth: 'staff' },
  { method: 'GET', path: '/calls/{callId}', handler: 'get-call', auth: 'staff' },
  { method: 'PATCH', path: '/calls/{callId}', handler: 'reschedule-call', auth: 'staff' },
  { method: 'DELETE', path: '/calls/{callId}', handler: 'cancel-call', auth: 'staff' },
  { method: 'GET', path: '/clinic', handler: 'get-clinic', auth: 'staff' },
  { method: 'POST', path: '/webhooks/retell', handler: 'retell-webhook', auth: 'webhook' },
] as const;

export type ApiRoute = (typeof API_ROUTES)[number];
export type HandlerName = ApiRoute['handler'];

/** Header carrying a client-chosen idempotency key on `POST /calls` (same key → same call). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Header Retell signs webhooks with: `v=<timestamp ms>,d=<hex HMAC-SHA256>` (docs.retellai.com, "Secure the webhook"). */
export const RETELL_SIGNATURE_HEADER = 'x-retell-signature';
