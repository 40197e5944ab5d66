import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { API_ROUTES } from '@vfc/shared/api/routes';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import { authenticate } from '../app/authenticate.js';
import { AppError } from '../app/errors.js';
import { storageDependencies } from '../composition/storage.js';

/** Simple-response answer of an HTTP API Lambda authorizer; `context` reaches handlers as `authorizer.lambda`. */
export interface AuthorizerResult {
  isAuthorized: boolean;
  context?: { clinicId: string; role: string; label?: string };
}

/** Route key (`PUT /clinic/agent`) → whether the route needs the admin role, from the shared route table. */
const ADMIN_ROUTE_KEYS = new Set<string>(API_ROUTES.filter((route) => route.auth === 'admin').map((route) => `${route.method} ${route.path}`));

/**
 * The HTTP API's Lambda authorizer for every bearer-token route: SHA-256 of the token → its clinic and role. On an
 * admin route (by the event's `routeKey`) a token whose role is not `admin` is refused here, so a staff token never
 * reaches an admin handler (the handlers check the role again). API Gateway answers 401 itself when the Authorization
 * header is missing and 403 `{"message":"Forbidden"}` when this returns false; staff and admin routes have separate
 * authorizer resources, so a verdict cached for one kind is never reused on the other. Lambda context in every log
 * line, metrics flushed once per invocation.
 */
export const handler = middy<APIGatewayRequestAuthorizerEventV2, AuthorizerResult>()
  .use(lambdaContextLogging())
  .use(invocationMetrics())
  .handler(async (event) => {
    try {
      const grant = await authenticate(storageDependencies().clinics, event.headers?.authorization ?? event.headers?.Authorization);
      if (ADMIN_ROUTE_KEYS.has(event.routeKey) && grant.role !== 'admin') return { isAuthorized: false };
      return { isAuthorized: true, context: { clinicId: grant.clinicId, role: grant.role, ...(grant.label ? { label: grant.label } : {}) } };
    } catch (error) {
      if (error instanceof AppError) return { isAuthorized: false };
      throw error;
    }
  });
