import Retell from 'retell-sdk';
import { z } from 'zod';
import type { ProviderCallEvent, WebhookVerifier } from '../../ports/provider-events.js';
import type { ApiKeySource } from './retell-client.js';

/** The part of a Retell webhook body we read (docs.retellai.com "Webhook"; snake_case stays in this adapter). */
const RetellWebhookBody = z.object({
  event: z.string(),
  call: z.looseObject({
    call_id: z.string(),
    metadata: z.looseObject({ call_id: z.string().optional(), attempt: z.coerce.number().int().optional() }).nullish(),
    start_timestamp: z.number().nullish(),
    end_timestamp: z.number().nullish(),
    duration_ms: z.number().nullish(),
    disconnection_reason: z.string().nullish(),
    call_analysis: z
      .looseObject({
        call_summary: z.string().nullish(),
        user_sentiment: z.enum(['Negative', 'Positive', 'Neutral', 'Unknown']).nullish(),
        call_successful: z.boolean().nullish(),
        in_voicemail: z.boolean().nullish(),
        custom_analysis_data: z.looseObject({ opt_out: z.boolean().nullish() }).nullish(),
      })
      .nullish(),
  }),
});

const KINDS = new Set(['call_started', 'call_ended', 'call_analyzed']);
const iso = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : undefined);

/**
 * {@link WebhookVerifier} for Retell: `x-retell-signature` (`v=<ms>,d=<hex>`) is an HMAC-SHA256 of the RAW body plus
 * the timestamp, keyed with the API key, refused when older than 5 minutes. `Retell.verify` returns a Promise and is awaited.
 */
export class RetellWebhookVerifier implements WebhookVerifier {
  constructor(private readonly apiKey: ApiKeySource) {}

  async verify(rawBody: string, signature: string | undefined): Promise<boolean> {
    if (!signature) return false;
    return Retell.verify(rawBody, await this.apiKey(), signature);
  }

  parse(rawBody: string): ProviderCallEvent {
    const { event, call } = RetellWebhookBody.parse(JSON.parse(rawBody));
    const analysis = call.call_analysis;
    return {
      kind: KINDS.has(event) ? (event as ProviderCallEvent['kind']) : 'other',
      name: event,
      providerCallId: call.call_id,
      callId: call.metadata?.call_id ?? undefined,
      attempt: call.metadata?.attempt ?? undefined,
      startedAt: iso(call.start_timestamp),
      endedAt: iso(call.end_timestamp),
      durationMs: call.duration_ms ?? undefined,
      disconnectionReason: call.disconnection_reason ?? undefined,
      analysis: analysis
        ? {
            summary: analysis.call_summary ?? undefined,
            sentiment: analysis.user_sentiment ?? undefined,
            callSuccessful: analysis.call_successful ?? undefined,
            inVoicemail: analysis.in_voicemail ?? undefined,
            optOutRequested: analysis.custom_analysis_data?.opt_out ?? undefined,
          }
        : undefined,
    };
  }
}
