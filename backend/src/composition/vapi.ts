import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { requireEnv } from './storage.js';

/**
 * The platform's Vapi webhook secret (the HMAC credential's `secretKey`): `VAPI_WEBHOOK_SECRET` (local stack) or the
 * Secrets Manager secret `VAPI_WEBHOOK_SECRET_ARN` (AWS; cached 5 minutes by Powertools Parameters).
 * @throws Error (on first use) when neither is set or the secret is empty.
 */
export function vapiWebhookSecretSource(env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
  if (env.VAPI_WEBHOOK_SECRET) {
    const secret = env.VAPI_WEBHOOK_SECRET;
    return async () => secret;
  }
  return async () => {
    const value = await getSecret<string>(requireEnv('VAPI_WEBHOOK_SECRET_ARN', env), { maxAge: 300 });
    if (!value) throw new Error('The Vapi webhook secret is empty: set it with aws secretsmanager put-secret-value');
    return value;
  };
}

/**
 * The platform's Vapi private key: `VAPI_API_KEY` (local stack: the simulator's key, or a real key) or the Secrets
 * Manager secret `VAPI_API_KEY_SECRET_ARN` (AWS; cached 5 minutes by Powertools Parameters).
 * @throws Error (on first use) when neither is set or the secret is empty: no clinic can use the platform's Vapi account.
 */
export function vapiApiKeySource(env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
  if (env.VAPI_API_KEY) {
    const key = env.VAPI_API_KEY;
    return async () => key;
  }
  return async () => {
    const value = await getSecret<string>(requireEnv('VAPI_API_KEY_SECRET_ARN', env), { maxAge: 300 });
    if (!value) throw new Error("The platform's Vapi API key secret is empty: set it with aws secretsmanager put-secret-value");
    return value;
  };
}
