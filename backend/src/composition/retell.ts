import { retellClientFactory, type ApiKeySource } from '../adapters/retell/retell-client.js';
import { noteSdkCall } from '../adapters/aws/sdk-call-observers.js';
import { cachedSecretString } from '../adapters/secrets/cached-secret.js';
import { requireEnv } from './storage.js';

/**
 * The Retell API key: `RETELL_API_KEY` (local stack) or the Secrets Manager secret `RETELL_API_KEY_SECRET_ARN`
 * (AWS; cached 5 minutes per process by `cachedSecretString`, so a rotated key is picked up without a deploy).
 */
export function retellApiKeySource(env: NodeJS.ProcessEnv = process.env): ApiKeySource {
  const secretArn = env.RETELL_API_KEY ? undefined : requireEnv('RETELL_API_KEY_SECRET_ARN', env);
  // Where AWS reads the secret, the local stack's permission recorder hears of a GetSecretValue too (the key itself is
  // an env var there).
  const note = () =>
    noteSdkCall({ client: 'SecretsManagerClient', command: 'GetSecretValueCommand', input: { SecretId: secretArn ?? 'RETELL_API_KEY_SECRET_ARN' } });
  if (env.RETELL_API_KEY) {
    const key = env.RETELL_API_KEY;
    return async () => (note(), key);
  }
  const secret = cachedSecretString(secretArn!);
  return async () => {
    note();
    const value = await secret();
    if (!value) throw new Error('The Retell API key secret is empty: set it with aws secretsmanager put-secret-value');
    return value;
  };
}

/** The Retell client from the environment: the key source above, `RETELL_BASE_URL` (the simulator) and `RETELL_TIMEOUT_MS`. */
export function createRetellClient(env: NodeJS.ProcessEnv = process.env): ReturnType<typeof retellClientFactory> {
  return retellClientFactory(retellApiKeySource(env), env.RETELL_BASE_URL, env.RETELL_TIMEOUT_MS ? Number(env.RETELL_TIMEOUT_MS) : undefined);
}
