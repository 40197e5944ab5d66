import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { lambdaContextLogging } from '../../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../../adapters/metrics/invocation-metrics.js';
import { apiErrors } from './api-errors.js';
import type { ApiEvent } from './api-request.js';

/**
 * The middy chain every HTTP route shares: the Lambda context in every log line, the invocation's metrics flushed once,
 * lower-cased headers, then errors mapped to the API's JSON error shape. Token routes add the API-key check
 * (`apiHandler`); the public route does not (`publicApiHandler`), so its bundle carries no table client.
 */
export function apiChain() {
  return middy<ApiEvent, APIGatewayProxyStructuredResultV2>().use(lambdaContextLogging()).use(invocationMetrics()).use(httpHeaderNormalizer()).use(apiErrors());
}
