import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { lambdaContextLogging } from '../../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../../adapters/metrics/invocation-metrics.js';
import { apiErrors } from './api-errors.js';
import type { ApiEvent } from './api-request.js';

/**
 * Wraps an HTTP route's function in the middy chain every route shares: the Lambda context in every log line, the invocation's metrics flushed once,
 * lower-cased headers, then
 * errors mapped to the API's JSON error shape. The function itself parses, calls one use case and shapes the answer.
 */
export function apiHandler(fn: (event: ApiEvent) => Promise<APIGatewayProxyStructuredResultV2>) {
  return middy<ApiEvent, APIGatewayProxyStructuredResultV2>()
    .use(lambdaContextLogging())
    .use(invocationMetrics())
    .use(httpHeaderNormalizer())
    .use(apiErrors())
    .handler(fn);
}
