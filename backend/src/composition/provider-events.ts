import { LambdaProviderEventQueue } from '../adapters/lambda/lambda-provider-event-queue.js';
import type { ProviderEventQueue } from '../ports/provider-events.js';
import { requireEnv } from './storage.js';

/** Where the webhook hands verified events: an asynchronous invocation of `PROVIDER_EVENT_FUNCTION_ARN`. */
export function createProviderEventQueue(env: NodeJS.ProcessEnv = process.env): ProviderEventQueue {
  return new LambdaProviderEventQueue({ functionArn: requireEnv('PROVIDER_EVENT_FUNCTION_ARN', env), endpoint: env.LAMBDA_ENDPOINT, region: env.AWS_REGION });
}
