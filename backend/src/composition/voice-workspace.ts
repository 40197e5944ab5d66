import { DynamoDbAssistantRegistry } from '../adapters/dynamodb/dynamodb-assistant-registry.js';
import { RetellAgentDirectory } from '../adapters/retell/retell-agent-directory.js';
import { retellClientFactory } from '../adapters/retell/retell-client.js';
import { RetellWorkspace } from '../adapters/retell/retell-workspace.js';
import { VapiAccount } from '../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory } from '../adapters/vapi/vapi-client.js';
import type { VoiceWorkspaceDeps } from '../app/voice/clinic-voice.js';
import type { AssistantRegistry } from '../ports/assistant-registry.js';
import { secretStoreFromEnv } from './clinic-secrets.js';
import { processTable, storageDependencies } from './storage.js';
import { platformLimitsFromEnv } from './voice-limits.js';
import { vapiApiKeySource } from './vapi.js';

export { secretStoreFromEnv } from './clinic-secrets.js';

/** The workspace's dependencies as composed here: always with the agent registry's Vapi records. */
export type ComposedVoiceWorkspace = VoiceWorkspaceDeps & { assistants: AssistantRegistry };

let cached: ComposedVoiceWorkspace | undefined;

/**
 * The voice workspace's dependencies, built once per process: `VAPI_API_KEY` is the platform's Vapi key,
 * `VAPI_BASE_URL` the simulator, `VAPI_SERVER_URL` / `VAPI_SERVER_CREDENTIAL_ID` what the clinic's assistant is given.
 * A clinic's own Retell workspace is reached with the clinic's key through the same Retell client factory and agent
 * directory as the platform's (`RETELL_BASE_URL` the simulator, `RETELL_TIMEOUT_MS`); its agent is given
 * `RETELL_WEBHOOK_URL` (our `/webhooks/retell`).
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
    retellWorkspace: (key) => {
      const client = retellClientFactory(async () => key, env.RETELL_BASE_URL, env.RETELL_TIMEOUT_MS ? Number(env.RETELL_TIMEOUT_MS) : undefined);
      const workspace = new RetellWorkspace(client);
      return { account: workspace, setup: workspace, directory: new RetellAgentDirectory(client) };
    },
    retellWebhookUrl: () => env.RETELL_WEBHOOK_URL || undefined,
    platformVapiKey: vapiApiKeySource(env),
    platformLimits: platformLimitsFromEnv(env),
    assistants: new DynamoDbAssistantRegistry(processTable().db, processTable().tableName),
  };
  return cached;
}

