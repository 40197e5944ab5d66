import { AssistantsClient } from '@vapi-ai/server-sdk/assistants';
import { CallsClient } from '@vapi-ai/server-sdk/calls';
import { PhoneNumbersClient } from '@vapi-ai/server-sdk/phoneNumbers';

/** Where a Vapi private key comes from: env locally, Secrets Manager in AWS. */
export type VapiKeySource = () => Promise<string>;

/**
 * The Vapi resources we use, as the SDK's per-resource clients (`@vapi-ai/server-sdk/calls`, `/assistants`,
 * `/phoneNumbers`): the same properties and methods as `VapiClient`'s, without bundling the ~20 other resources
 * (each Lambda that can place a Vapi call carries ~47 kB of SDK instead of ~230 kB).
 */
export interface VapiResources {
  calls: CallsClient;
  assistants: AssistantsClient;
  phoneNumbers: PhoneNumbersClient;
}

/**
 * The SDK's clients per private key. `maxRetries: 0`: the SDK retries 408/429/5xx twice by default, which for
 * `POST /call` can ring a person twice (docs/vapi.md); we own every retry decision.
 * @param baseUrl - the local Vapi simulator; unset for the real `https://api.vapi.ai`.
 * @param timeoutMs - per-request timeout, real ms (default 15 000).
 */
export function vapiClientFactory(apiKey: VapiKeySource, baseUrl?: string, timeoutMs = 15_000): () => Promise<VapiResources> {
  let cached: { key: string; client: VapiResources } | undefined;
  return async () => {
    const key = await apiKey();
    if (cached?.key !== key) {
      const options = { token: key, maxRetries: 0, timeoutInSeconds: timeoutMs / 1000, ...(baseUrl ? { baseUrl } : {}) };
      cached = {
        key,
        client: { calls: new CallsClient(options), assistants: new AssistantsClient(options), phoneNumbers: new PhoneNumbersClient(options) },
      };
    }
    return cached.client;
  };
}
