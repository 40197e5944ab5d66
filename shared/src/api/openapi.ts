import * as z from '../zod.js';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { ApiError } from './errors.js';
import { API_OPERATIONS, type ApiOperation, type ErrorStatus, type SuccessBody } from './operations.js';
import { API_ROUTES, RETELL_SIGNATURE_HEADER, type ApiRoute } from './routes.js';

/** Version of the API description (`info.version`); bump it when a route or a schema changes shape. */
export const OPENAPI_DOCUMENT_VERSION = '1.0.0';

/**
 * What API Gateway itself answers when its token authorizer refuses a request (401 without `Authorization`, 403 when
 * the authorizer says no): `{"message": "Unauthorized" | "Forbidden"}`, not the API's error shape
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html).
 */
const GatewayRefusal = z.withMeta(z.object({ message: z.string() }), { id: 'GatewayRefusal' });

const ErrorBody = z.withMeta(ApiError, {
  id: 'ApiError',
  example: { error: 'validation_error', message: 'Invalid request', issues: [{ path: 'phoneNumber', message: 'must be a valid phone number' }] },
});

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid request: `validation_error` with `issues` (field paths)',
  401: 'Missing or invalid credentials',
  403: 'The token may not use this route (for example a staff token on an admin route)',
  404: 'No such call, clinic or entry',
  409: 'The state does not allow it (`conflict`, `no_slot`, `opted_out`, `number_cap_reached` with `freesAt`, `agent_unavailable`, `save_in_progress`)',
  413: 'The request is too large',
  422: 'Well-formed but refused: `idempotency_key_reused` (the key was used with a different body), `no_slot` (no open time), or the provider refused a value (`validation_error` naming the field); nothing changed',
  429: 'Too many requests: retry later',
  500: '`internal_error`: nothing was half-written; retry later',
  502: 'The voice provider answered with an error',
  503: '`provider_unavailable`: the voice provider could not be reached; retry later',
};

const SECURITY_SCHEMES = {
  clinicToken: {
    type: 'http',
    scheme: 'bearer',
    description: "A clinic's API token (`Authorization: Bearer <token>`); admin routes need an admin token.",
  },
  vapiSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'x-signature',
    description: 'Vapi signs each server message: hex HMAC-SHA256 of `<x-timestamp>.<raw body>` with the webhook credential.',
  },
  retellSignature: {
    type: 'apiKey',
    in: 'header',
    name: RETELL_SIGNATURE_HEADER,
    description: 'Retell signs each webhook: `v=<timestamp ms>,d=<hex HMAC-SHA256 of timestamp and raw body>`.',
  },
} as const;

function successResponse(status: number, body: SuccessBody) {
  if (body === 'empty') return { description: `${status}: no body` };
  if (body === 'csv') {
    return {
      description: 'A CSV file (RFC 4180, UTF-8, header row)',
      content: { 'text/csv': { schema: z.withMeta(z.string(), { example: 'callId,scheduledFor\r\nc_1,2026-01-05 10:00\r\n' }) } },
    };
  }
  return { description: status === 201 ? 'Created' : 'OK', content: { 'application/json': { schema: body } } };
}

function errorStatuses(route: ApiRoute, operation: ApiOperation): ErrorStatus[] {
  const byAuth: ErrorStatus[] = route.auth === 'staff' || route.auth === 'admin' ? [401, 403] : route.auth === 'webhook' ? [401] : [];
  return [...new Set<ErrorStatus>([...operation.errors, ...byAuth, 500])].sort((a, b) => a - b);
}

function errorResponse(route: ApiRoute, status: ErrorStatus) {
  // The gateway answers 401/403 of token routes itself, in its own shape; everything else is the API's error shape.
  const schema = (status === 401 || status === 403) && route.auth !== 'webhook' ? z.union([ErrorBody, GatewayRefusal]) : ErrorBody;
  return { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema } } };
}

function pathParameters(route: ApiRoute, operation: ApiOperation): z.ZodMiniObject | undefined {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  if (!names.length) return undefined;
  return operation.path ?? z.object(Object.fromEntries(names.map((name) => [name, z.string()])));
}

function operationObject(route: ApiRoute): ZodOpenApiOperationObject {
  const operation: ApiOperation = API_OPERATIONS[route.handler];
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, body] of Object.entries(operation.responses)) responses[status as `2${string}`] = successResponse(Number(status), body);
  for (const status of errorStatuses(route, operation)) responses[`${status}`] = errorResponse(route, status);
  const path = pathParameters(route, operation);
  return {
    operationId: route.handler,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [
      route.auth === 'admin'
        ? 'Clinic administration'
        : route.auth === 'webhook'
          ? 'Provider webhooks'
          : route.auth === 'public'
            ? 'API description'
            : 'Calls',
    ],
    security:
      route.auth === 'staff' || route.auth === 'admin'
        ? [{ clinicToken: [] }]
        : route.auth === 'webhook'
          ? [{ [operation.signature ?? 'retellSignature']: [] }]
          : [],
    requestParams: {
      ...(path ? { path } : {}),
      ...(operation.query ? { query: operation.query as z.ZodMiniObject } : {}),
      ...(operation.headers ? { header: operation.headers } : {}),
    },
    ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: operation.body } } } } : {}),
    responses,
  };
}

/**
 * The HTTP API's OpenAPI 3.1 document, generated from the shared route table (`API_ROUTES`) and the operation table
 * (`API_OPERATIONS`) with zod-openapi 6 (https://github.com/samchungy/zod-openapi): every route, its auth scheme,
 * parameters, request body, and each answer's shape — the same zod schemas the handlers validate with.
 *
 * @param serverUrl the API's base URL for `servers` (omitted when not given)
 * @returns a plain JSON-serialisable object (OpenAPI 3.1.0)
 */
export function buildOpenApiDocument(serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of API_ROUTES) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    paths[route.path] = { ...paths[route.path], [method]: operationObject(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Vet follow-up calls API',
      version: OPENAPI_DOCUMENT_VERSION,
      description:
        'Schedules AI follow-up phone calls to pet owners after a consultation, and reports their outcome. ' +
        "Times are ISO-8601 instants (UTC or with an offset); clinic-local times are in the clinic's IANA zone.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: SECURITY_SCHEMES },
    paths,
  });
}
