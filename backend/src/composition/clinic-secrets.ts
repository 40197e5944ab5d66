import { localSecretStore } from '../adapters/secrets/memory-secret-store.js';
import { createSecretsManagerStore } from '../adapters/secrets/secrets-manager-store.js';
import type { SecretStore } from '../ports/secret-store.js';
import { requireEnv } from './storage.js';

/**
 * Where clinic keys live: Secrets Manager under `CLINIC_SECRET_PREFIX` (AWS), or the local stack's in-process store
 * when `LOCAL_SECRET_STORE=memory`. Its own module so a handler that only reads clinic keys (the Retell webhook) leaves
 * the voice workspace's provider SDKs out of its bundle.
 * @throws Error when `CLINIC_SECRET_PREFIX` is missing in AWS.
 */
export function secretStoreFromEnv(env: NodeJS.ProcessEnv = process.env): SecretStore {
  if (env.LOCAL_SECRET_STORE === 'memory') return localSecretStore;
  return createSecretsManagerStore(requireEnv('CLINIC_SECRET_PREFIX', env), env.AWS_REGION);
}
