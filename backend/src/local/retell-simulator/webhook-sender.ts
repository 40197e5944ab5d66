import Retell from 'retell-sdk';

/** The webhook events the simulator sends. */
export type WebhookEvent = 'call_started' | 'call_ended' | 'call_analyzed';

/** One webhook delivery as tests see it. */
export interface WebhookDelivery {
  event: WebhookEvent;
  call_id: string;
  /** HTTP status of the last attempt (0 = no answer / network error / no webhook URL). */
  status: number;
  attempts: number;
  delivered: boolean;
}

/** Options of {@link sendWebhook}. */
export interface SendWebhookOptions {
  url: string | undefined;
  apiKey: string;
  /** Retries after the first attempt on a non-2xx or network error (Retell: up to 3). */
  maxRetries: number;
  /** Real ms before a retry (doubling). */
  retryDelayMs: number;
  /** Per-attempt timeout, real ms (Retell: 10 s). */
  timeoutMs: number;
}

/**
 * POSTs `{event, call}` to the webhook URL as Retell does: the body is `JSON.stringify`'d once and signed with
 * `Retell.sign(rawBody, apiKey)` into `x-retell-signature` (HMAC-SHA256 over body + timestamp; see
 * retell-sdk src/lib/webhook_auth.ts). Each attempt is signed afresh (new timestamp).
 */
export async function sendWebhook(event: WebhookEvent, call: { call_id: string }, options: SendWebhookOptions): Promise<WebhookDelivery> {
  const body = JSON.stringify({ event, call });
  let status = 0;
  let attempts = 0;
  for (let attempt = 0; attempt <= options.maxRetries; attempt += 1) {
    if (!options.url) break;
    if (attempt > 0) await new Promise((r) => setTimeout(r, options.retryDelayMs * 2 ** (attempt - 1)));
    attempts += 1;
    try {
      const res = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-retell-signature': await Retell.sign(body, options.apiKey) },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { event, call_id: call.call_id, status, attempts, delivered: true };
    } catch {
      status = 0;
    }
  }
  return { event, call_id: call.call_id, status, attempts, delivered: false };
}
