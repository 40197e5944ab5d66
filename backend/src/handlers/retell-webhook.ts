import middy from '@middy/core';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { METRIC, RETELL_SIGNATURE_HEADER } from '@vfc/shared';
import { applyProviderEvent } from '../app/apply-provider-event.js';
import { createWebhookVerifier, dependencies } from '../composition.js';
import { countMetric } from '../adapters/metrics/powertools-metrics.js';
import { apiErrors } from './http/api-errors.js';
import { rawBody } from './http/api-request.js';
import { errorResponse, json } from './http/responses.js';

const verifier = createWebhookVerifier();

/**
 * `POST /webhooks/retell` (no bearer token: Retell signs the body). A bad, missing or stale signature → 401 and
 * nothing written; a verified event is applied idempotently → 200 so Retell stops retrying.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(lambdaContextLogging())
  .use(invocationMetrics())
  .use(httpHeaderNormalizer())
  .use(apiErrors())
  .handler(async (event) => {
    const body = rawBody(event);
    if (!(await verifier.verify(body, event.headers[RETELL_SIGNATURE_HEADER]))) {
      countMetric(METRIC.webhookSignatureRejected);
      return errorResponse(401, { error: 'unauthorized', message: 'Invalid or stale x-retell-signature' });
    }
    let providerEvent;
    try {
      providerEvent = verifier.parse(body);
    } catch {
      return errorResponse(400, { error: 'validation_error', message: 'Not a Retell call event' });
    }
    const result = await applyProviderEvent(dependencies(), providerEvent);
    return json(200, { result });
  });
