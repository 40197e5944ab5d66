import { AssistantsClient } from '@vapi-ai/server-sdk/assistants';
import { FilesClient } from '@vapi-ai/server-sdk/files';
import { ToolsClient } from '@vapi-ai/server-sdk/tools';
import type { VapiKeySource } from './vapi-client.js';

/**
 * The Vapi resources the knowledge-base sync uses, as the SDK's per-resource clients (`@vapi-ai/server-sdk/files`,
 * `/tools`, `/assistants`): only the knowledge sync's bundle carries the files and tools clients.
 */
export interface VapiKnowledgeResources {
  files: FilesClient;
  tools: ToolsClient;
  assistants: AssistantsClient;
}

/**
 * The SDK's clients per private key, built again only when the key changes. `maxRetries: 0`: every retry decision is
 * ours (a failed sync is retried by the next one).
 * @param apiKey - the platform's key, or a clinic's own key (read from the secret store on each use).
 * @param baseUrl - the local Vapi simulator; unset for the real `https://api.vapi.ai`.
 * @param timeoutMs - per-request timeout, real ms (default 30 000: a file upload takes longer than a read).
 */
export function vapiKnowledgeClientFactory(apiKey: VapiKeySource, baseUrl?: string, timeoutMs = 30_000): () => Promise<VapiKnowledgeResources> {
  let cached: { key: string; client: VapiKnowledgeResources } | undefined;
  return async () => {
    const key = await apiKey();
    if (cached?.key !== key) {
      const options = { token: key, maxRetries: 0, timeoutInSeconds: timeoutMs / 1000, ...(baseUrl ? { baseUrl } : {}) };
      cached = { key, client: { files: new FilesClient(options), tools: new ToolsClient(options), assistants: new AssistantsClient(options) } };
    }
    return cached.client;
  };
}
