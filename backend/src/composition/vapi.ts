import { cachedSecretString } from '../adapters/secrets/cached-secret.js';
import { requireEnv } from './storage.js';

/**
 * A secret's value from `env[valueVar]` (the local stack) or from the Secrets Manager secret named by `env[arnVar]`
 * (AWS; cached 5 minutes per process by `cachedSecretString`, so a rotated value is picked up without a deploy).
 * @throws Error (on first use) when neither is set, or the secret is empty (naming `what`).
 */
function envOrSecret(env: NodeJS.ProcessEnv, valueVar: string, arnVar: string, what: string): () => Promise<string> {
  const local = env[valueVar];
  if (local) return async () => local;
  let secret: (() => Promise<string | undefined>) | undefined;
  return async () => {
    secret ??= cachedSecretString(requireEnv(arnVar, env));
    const value = await secret();
    if (!value) throw new Error(`${what} is empty: set it with aws secretsmanager put-secret-value`);
    return value;
  };
}

/**
 * The platform's Vapi webhook secret (the HMAC credential's `secretKey`): `VAPI_WEBHOOK_SECRET` (local stack) or the
 * Secrets Manager secret `VAPI_WEBHOOK_SECRET_ARN` (AWS).
 * @throws Error (on first use) when neither is set or the secret is empty.
 */
export function vapiWebhookSecretSource(env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
  return envOrSecret(env, 'VAPI_WEBHOOK_SECRET', 'VAPI_WEBHOOK_SECRET_ARN', 'The Vapi webhook secret');
}

/**
 * The platform's Vapi private key: `VAPI_API_KEY` (local stack: the simulator's key, or a real key) or the Secrets
 * Manager secret `VAPI_API_KEY_SECRET_ARN` (AWS).
 * @throws Error (on first use) when neither is set or the secret is empty: no clinic can use the platform's Vapi account.
 */
export function vapiApiKeySource(env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
  return envOrSecret(env, 'VAPI_API_KEY', 'VAPI_API_KEY_SECRET_ARN', "The platform's Vapi API key secret");
}
