import { VapiClient } from '@vapi-ai/server-sdk';

/** Where a Vapi private key comes from: env locally, Secrets Manager in AWS. */
export type VapiKeySource = () => Promise<string>;

/**
 * A `@vapi-ai/server-sdk` client per private key. `maxRetries: 0`: the SDK retries 408/429/5xx twice by default, which
 * for `POST /call` can ring a person twice (docs/vapi.md); we own every retry decision.
 * @param baseUrl - the local Vapi simulator; unset for the real `https://api.vapi.ai`.
 * @param timeoutMs - per-request timeout, real ms (default 15 000).
 */
export function vapiClientFactory(apiKey: VapiKeySource, baseUrl?: string, timeoutMs = 15_000): () => Promise<VapiClient> {
  let cached: { key: string; client: VapiClient } | undefined;
  return async () => {
    const key = await apiKey();
    if (cached?.key !== key) {
      cached = {
        key,
        client: new VapiClient({ token: key, maxRetries: 0, timeoutInSeconds: timeoutMs / 1000, ...(baseUrl ? { baseUrl } : {}) }),
      };
    }
    return cached.client;
  };
}
