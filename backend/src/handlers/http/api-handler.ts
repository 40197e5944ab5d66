import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { lambdaContextLogging } from '../../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../../adapters/metrics/invocation-metrics.js';
import { apiKeyUseDependencies } from '../../composition/api-key-use.js';
import { apiErrors } from './api-errors.js';
import { apiKeyUse } from './api-key-use.js';
import type { ApiEvent } from './api-request.js';

/**
 * Wraps an HTTP route's function in the middy chain every route shares: the Lambda context in every log line, the invocation's metrics flushed once,
 * lower-cased headers, errors mapped to the API's JSON error shape, then an API-key caller's one conditional write
 * (last use; a revoked key → 401, see `api-key-use.ts`). The function itself parses, calls one use case and shapes
 * the answer.
 */
export function apiHandler(fn: (event: ApiEvent) => Promise<APIGatewayProxyStructuredResultV2>) {
  return middy<ApiEvent, APIGatewayProxyStructuredResultV2>()
    .use(lambdaContextLogging())
    .use(invocationMetrics())
    .use(httpHeaderNormalizer())
    .use(apiErrors())
    .use(apiKeyUse(apiKeyUseDependencies))
    .handler(fn);
}
