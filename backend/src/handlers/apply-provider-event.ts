import * as z from '@vfc/shared/zod';
import { asyncEventHandler } from './async-event-handler.js';
import { applyProviderEvent, type ApplyResult } from '../app/apply-provider-event.js';
import { dependencies } from '../composition.js';
import type { ProviderCallEvent } from '../ports/provider-events.js';

/** The invocation payload: the verified event as the webhook decoded it (`ProviderCallEvent`); its identity is checked. */
const ProviderEventPayload = z.looseObject({
  kind: z.enum(['call_started', 'call_ended', 'call_analyzed', 'other']),
  name: z.string().check(z.minLength(1)),
  providerCallId: z.string().check(z.minLength(1)),
  callId: z.optional(z.string().check(z.minLength(1))),
  attempt: z.optional(z.int().check(z.positive())),
});

/**
 * Applies a verified provider webhook after the webhook answered: invoked asynchronously by `retell-webhook`
 * (IAM-invoked, no public URL). Idempotent in any order (`applyProviderEvent`): a redelivered or retried event gives the
 * same result as one. A malformed payload is logged and dropped (a retry cannot help); any other error is thrown so
 * Lambda retries the invocation (twice, then its on-failure handling).
 */
export const handler = asyncEventHandler({
  payload: ProviderEventPayload,
  payloadName: 'provider event',
  logger: () => dependencies().logger,
  run: (event): Promise<ApplyResult> => applyProviderEvent(dependencies(), event as ProviderCallEvent),
});
