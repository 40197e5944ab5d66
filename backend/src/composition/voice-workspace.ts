import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { localSecretStore } from '../adapters/secrets/memory-secret-store.js';
import { SecretsManagerStore } from '../adapters/secrets/secrets-manager-store.js';
import type { Vapi } from '@vapi-ai/server-sdk';
import { VapiAccount, type AssistantFields } from '../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory } from '../adapters/vapi/vapi-client.js';
import type { VoiceWorkspaceDeps } from '../app/voice/clinic-voice.js';
import type { SecretStore } from '../ports/secret-store.js';
import { requireEnv, storageDependencies } from './storage.js';
import { platformLimitsFromEnv } from './voice-limits.js';
import { vapiApiKeySource } from './vapi.js';

/**
 * Where clinic keys live: Secrets Manager under `CLINIC_SECRET_PREFIX` (AWS), or the local stack's in-process store
 * when `LOCAL_SECRET_STORE=memory`.
 */
export function secretStoreFromEnv(env: NodeJS.ProcessEnv = process.env): SecretStore {
  if (env.LOCAL_SECRET_STORE === 'memory') return localSecretStore;
  return new SecretsManagerStore(new SecretsManagerClient({ region: env.AWS_REGION }), requireEnv('CLINIC_SECRET_PREFIX', env));
}

/** The voice workspace's dependencies: `VAPI_API_KEY` is the platform's Vapi key, `VAPI_BASE_URL` the simulator. */
export function voiceWorkspaceDependencies(env: NodeJS.ProcessEnv = process.env): VoiceWorkspaceDeps {
  const storage = storageDependencies();
  return {
    clinics: storage.clinics,
    clock: storage.clock,
    logger: storage.logger,
    secrets: secretStoreFromEnv(env),
    vapiAccount: (key) => {
      const account = new VapiAccount(vapiClientFactory(async () => key, env.VAPI_BASE_URL));
      return {
        listNumbers: () => account.listNumbers(),
        listAssistants: () => account.listAssistants(),
        createAssistant: (fields) => account.createAssistant(fields as unknown as Vapi.CreateAssistantDto),
        updateAssistant: (id, fields) => account.updateAssistant(id, fields as AssistantFields),
      };
    },
    vapiServer: () =>
      env.VAPI_SERVER_URL ? { url: env.VAPI_SERVER_URL, ...(env.VAPI_SERVER_CREDENTIAL_ID ? { credentialId: env.VAPI_SERVER_CREDENTIAL_ID } : {}) } : undefined,
    platformVapiKey: vapiApiKeySource(env),
    platformLimits: platformLimitsFromEnv(env),
  };
}

