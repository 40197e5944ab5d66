import { RetellWebhookVerifier, type SigningKeyOf } from '../adapters/retell/retell-webhook-verifier.js';
import type { ApiKeySource } from '../adapters/retell/retell-client.js';
import { retellApiKeySource } from './retell.js';

/**
 * The Retell webhook verifier. With `keys` (the webhook handler): each body is verified with the key of the workspace
 * its call was placed through — the platform's, or a clinic's own (see `retell-webhook-keys.ts`); without: the
 * platform's key for every body.
 */
export function createWebhookVerifier(env: NodeJS.ProcessEnv = process.env, keys?: (platformKey: ApiKeySource) => SigningKeyOf): RetellWebhookVerifier {
  const platformKey = retellApiKeySource(env);
  return new RetellWebhookVerifier(keys ? keys(platformKey) : platformKey);
}
