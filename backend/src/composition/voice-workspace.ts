import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoDbAssistantRegistry } from '../adapters/dynamodb/dynamodb-assistant-registry.js';
import { localSecretStore } from '../adapters/secrets/memory-secret-store.js';
import { createSecretsManagerStore } from '../adapters/secrets/secrets-manager-store.js';
import { VapiAccount } from '../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory } from '../adapters/vapi/vapi-client.js';
import type { VoiceWorkspaceDeps } from '../app/voice/clinic-voice.js';
import type { AssistantRegistry } from '../ports/assistant-registry.js';
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
  return createSecretsManagerStore(requireEnv('CLINIC_SECRET_PREFIX', env), env.AWS_REGION);
}

/** The workspace's dependencies as composed here: always with the agent registry's Vapi records. */
export type ComposedVoiceWorkspace = VoiceWorkspaceDeps & { assistants: AssistantRegistry };

let cached: ComposedVoiceWorkspace | undefined;

/**
 * The voice workspace's dependencies, built once per process: `VAPI_API_KEY` is the platform's Vapi key,
 * `VAPI_BASE_URL` the simulator, `VAPI_SERVER_URL` / `VAPI_SERVER_CREDENTIAL_ID` what the clinic's assistant is given.
 * The clinic's assistant is recorded in the agent registry (`TABLE_NAME`; `DYNAMODB_ENDPOINT` locally).
 */
export function voiceWorkspaceDependencies(env: NodeJS.ProcessEnv = process.env): ComposedVoiceWorkspace {
  const storage = storageDependencies();
  cached ??= {
    clinics: storage.clinics,
    clock: storage.clock,
    logger: storage.logger,
    secrets: secretStoreFromEnv(env),
    vapiAccount: (key) => new VapiAccount(vapiClientFactory(async () => key, env.VAPI_BASE_URL)),
    vapiServer: () =>
      env.VAPI_SERVER_URL ? { url: env.VAPI_SERVER_URL, ...(env.VAPI_SERVER_CREDENTIAL_ID ? { credentialId: env.VAPI_SERVER_CREDENTIAL_ID } : {}) } : undefined,
    platformVapiKey: vapiApiKeySource(env),
    platformLimits: platformLimitsFromEnv(env),
    assistants: new DynamoDbAssistantRegistry(createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION }), requireEnv('TABLE_NAME', env)),
  };
  return cached;
}

