import middy from '@middy/core';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { METRIC, RETELL_SIGNATURE_HEADER } from '@vfc/shared';
import { receiveProviderEvent } from '../app/receive-provider-event.js';
import { createProviderEventQueue } from '../composition/provider-events.js';
import { secretStoreFromEnv } from '../composition/clinic-secrets.js';
import { createWebhookVerifier } from '../composition/retell-webhook.js';
import { retellWebhookKeys } from '../composition/retell-webhook-keys.js';
import { storageDependencies } from '../composition/storage.js';
import type { SecretStore } from '../ports/secret-store.js';
import { countMetric } from '../adapters/metrics/powertools-metrics.js';
import { apiErrors } from './http/api-errors.js';
import { rawBody } from './http/api-request.js';
import { errorResponse, json } from './http/responses.js';
import { sourceAllowlist, WEBHOOK_SOURCE_CIDRS_ENV } from './http/source-allowlist.js';

// The secret store is built on first use: only a webhook about a clinic's own Retell workspace reads a clinic key.
let secrets: SecretStore | undefined;
const verifier = createWebhookVerifier(process.env, (platformKey) =>
  retellWebhookKeys({
    calls: { get: (id) => storageDependencies().calls.get(id), findByRetellCallId: (id) => storageDependencies().calls.findByRetellCallId(id) },
    clinics: { getClinic: (id) => storageDependencies().clinics.getClinic(id) },
    secrets: { getClinicKey: (clinicId) => (secrets ??= secretStoreFromEnv()).getClinicKey(clinicId) },
    platformKey,
  }),
);
const fromAllowedSource = sourceAllowlist(process.env[WEBHOOK_SOURCE_CIDRS_ENV]);
const queue = createProviderEventQueue();

/**
 * `POST /webhooks/retell` (no bearer token: Retell signs the body). A source outside the stage's allowlist → 403
 * before the signature is read (when one is configured); a bad, missing or stale signature → 401; both write nothing.
 * The signature is checked with the key of the workspace that placed the call the body names (our records say which):
 * the platform's, or the clinic's own Retell key — so the platform's key never verifies an event about a clinic's own
 * workspace, nor a clinic's key one about another account's call.
 * A verified event gets a receipt (one conditional write) and is handed to the `apply-provider-event`
 * function by an asynchronous invocation → 200 `{result: 'received' | 'redelivered'}` at once, so Retell (which waits
 * 10 s, then redelivers) never waits for the ending, the freed slot or the next dial — those run after the answer.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(lambdaContextLogging())
  .use(invocationMetrics())
  .use(httpHeaderNormalizer())
  .use(apiErrors())
  .handler(async (event) => {
    if (!fromAllowedSource(event.requestContext.http.sourceIp)) {
      return errorResponse(403, { error: 'forbidden', message: 'This source address may not send webhooks' });
    }
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
    const result = await receiveProviderEvent(storageDependencies(), queue, providerEvent);
    return json(200, { result });
  });
