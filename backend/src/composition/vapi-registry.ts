import type { VapiRegistryDeps } from '../app/agents/vapi-registry.js';
import { storageDependencies } from './storage.js';
import { voiceWorkspaceDependencies } from './voice-workspace.js';

let cached: VapiRegistryDeps | undefined;

/**
 * The agent registry's Vapi side, built once per process: the table (`TABLE_NAME`; `DYNAMODB_ENDPOINT` locally) for
 * the assistant records, and the voice workspace's Vapi access (`VAPI_API_KEY` or its secret, clinic keys in the
 * secret store, `VAPI_BASE_URL` locally, `VAPI_SERVER_URL` / `VAPI_SERVER_CREDENTIAL_ID` for the managed fields).
 * Nothing is read from Vapi until a clinic is on Vapi.
 */
export function vapiRegistryDependencies(env: NodeJS.ProcessEnv = process.env): VapiRegistryDeps {
  if (cached) return cached;
  const storage = storageDependencies();
  const workspace = voiceWorkspaceDependencies(env);
  cached = {
    clinics: storage.clinics,
    clock: storage.clock,
    logger: storage.logger,
    assistants: workspace.assistants,
    secrets: workspace.secrets,
    vapiAccount: workspace.vapiAccount,
    platformVapiKey: workspace.platformVapiKey,
    vapiServer: workspace.vapiServer,
  };
  return cached;
}
