import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
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

/**
 * The HTTP API's Lambda authorizer for every bearer-token route: SHA-256 of the token → its clinic and role.
 * (Lambda context in every log line, metrics flushed once.) API Gateway answers 401 itself when the Authorization header is missing and 403 when this returns false.
 */
export const handler = middy<APIGatewayRequestAuthorizerEventV2, AuthorizerResult>()
  .use(lambdaContextLogging())
  .use(invocationMetrics())
  .handler(async (event) => {
    try {
      const grant = await authenticate(storageDependencies().clinics, event.headers?.authorization ?? event.headers?.Authorization);
      return { isAuthorized: true, context: { clinicId: grant.clinicId, role: grant.role, ...(grant.label ? { label: grant.label } : {}) } };
    } catch (error) {
      if (error instanceof AppError) return { isAuthorized: false };
      throw error;
    }
  });
