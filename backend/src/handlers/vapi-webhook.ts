import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { METRIC } from '@vfc/shared';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import { countMetric } from '../adapters/metrics/powertools-metrics.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyVapiSignature } from '../adapters/vapi/vapi-signature.js';
import { parseVapiServerMessage } from '../adapters/vapi/vapi-server-message.js';
import { receiveProviderEvent } from '../app/receive-provider-event.js';
import { createProviderEventQueue } from '../composition/provider-events.js';
import { storageDependencies } from '../composition/storage.js';
import { vapiWebhookSecretSource } from '../composition/vapi.js';
import { apiErrors } from './http/api-errors.js';
import { rawBody } from './http/api-request.js';
import { errorResponse, json } from './http/responses.js';

const secret = vapiWebhookSecretSource();
const queue = createProviderEventQueue();

/**
 * `POST /webhooks/vapi` (no bearer token: Vapi signs the body with our HMAC credential). A bad, missing or stale
 * (±5 min) signature → 401 and nothing written. A verified call message gets a receipt (one conditional write) and is
 * handed to the `apply-provider-event` function by an asynchronous invocation — the same path as Retell's webhook —
 * → 200 `{result: 'received' | 'redelivered'}` at once; a message that is not about a call's progress → 200
 * `{result: 'ignored'}`. Applying (the ending, the freed slot, the next dial) runs after the answer, idempotently.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(lambdaContextLogging())
  .use(invocationMetrics())
  .use(httpHeaderNormalizer())
  .use(apiErrors())
  .handler(async (event) => {
    const body = rawBody(event);
    if (!verifyVapiSignature(await secret(), body, event.headers[SIGNATURE_HEADER], event.headers[TIMESTAMP_HEADER], Date.now())) {
      countMetric(METRIC.webhookSignatureRejected);
      return errorResponse(401, { error: 'unauthorized', message: 'Invalid or stale x-signature' });
    }
    let providerEvent;
    try {
      providerEvent = parseVapiServerMessage(body);
    } catch {
      return errorResponse(400, { error: 'validation_error', message: 'Not a Vapi server message' });
    }
    if (providerEvent.kind === 'other') return json(200, { result: 'ignored' });
    const result = await receiveProviderEvent(storageDependencies(), queue, { ...providerEvent, provider: 'vapi' });
    return json(200, { result });
  });
