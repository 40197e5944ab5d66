import Retell from 'retell-sdk';

/** Where the Retell key comes from: env locally, Secrets Manager in AWS (see `composition.ts`). */
export type ApiKeySource = () => Promise<string>;

/**
 * A retell-sdk client per API key. `maxRetries: 0`: the SDK would otherwise retry 408/409/429/5xx twice,
 * which for create-phone-call can ring a person twice (docs/retell.md); we own every retry decision.
 * @param baseURL - the local Retell simulator; unset for the real `https://api.retellai.com`.
 * @param timeoutMs - per-request timeout, real ms (default 15 000; the local fault suite uses less).
 */
export function retellClientFactory(apiKey: ApiKeySource, baseURL?: string, timeoutMs = 15_000): () => Promise<Retell> {
  let cached: { key: string; client: Retell } | undefined;
  return async () => {
    const key = await apiKey();
    if (cached?.key !== key) {
      cached = { key, client: new Retell({ apiKey: key, maxRetries: 0, timeout: timeoutMs, ...(baseURL ? { baseURL } : {}) }) };
    }
    return cached.client;
  };
}
