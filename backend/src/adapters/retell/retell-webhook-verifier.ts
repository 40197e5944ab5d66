// The SDK's webhook check alone (`Retell.verify` is this same function), not the whole API client.
import { verify as verifyRetellSignature } from 'retell-sdk/lib/webhook_auth';
import * as z from '@vfc/shared/zod';
import { CONCERN_LEVELS } from '@vfc/shared';
import type { ProviderCallEvent, WebhookVerifier } from '../../ports/provider-events.js';

/**
 * The key a webhook must be signed with, chosen from the raw (not yet verified) body: the platform's key, or a
 * clinic's own workspace key; `undefined` = no key can verify it (the webhook is refused).
 */
export type SigningKeyOf = (rawBody: string) => Promise<string | undefined>;

/** The part of a Retell webhook body we read (docs.retellai.com "Webhook"; snake_case stays in this adapter). */
const RetellWebhookBody = z.object({
  event: z.string(),
  call: z.looseObject({
    call_id: z.string(),
    metadata: z.nullish(
      z.looseObject({
        call_id: z.optional(z.string()),
        attempt: z.optional(z.pipe(z.coerce.number(), z.int())),
        voice_account: z.optional(z.string()),
      }),
    ),
    start_timestamp: z.nullish(z.number()),
    end_timestamp: z.nullish(z.number()),
    duration_ms: z.nullish(z.number()),
    disconnection_reason: z.nullish(z.string()),
    // Retell's transcript turns; `user` is the person called. Other roles (a transfer target) are left out.
    transcript_object: z.catch(z.nullish(z.array(z.looseObject({ role: z.string(), content: z.string() }))), undefined),
    recording_url: z.catch(z.nullish(z.url()), undefined),
    call_analysis: z.nullish(
      z.looseObject({
        call_summary: z.nullish(z.string()),
        user_sentiment: z.nullish(z.enum(['Negative', 'Positive', 'Neutral', 'Unknown'])),
        call_successful: z.nullish(z.boolean()),
        in_voicemail: z.nullish(z.boolean()),
        // Our agents' post-call analysis fields (`POST_CALL_ANALYSIS_FIELDS`); a value of another type is ignored.
        custom_analysis_data: z.nullish(
          z.looseObject({
            opt_out: z.catch(z.nullish(z.boolean()), undefined),
            concern_level: z.catch(z.nullish(z.enum(CONCERN_LEVELS)), undefined),
            callback_requested: z.catch(z.nullish(z.boolean()), undefined),
            owner_questions: z.catch(z.nullish(z.string()), undefined),
          }),
        ),
      }),
    ),
  }),
});

const ROLES: Record<string, 'agent' | 'owner'> = { agent: 'agent', user: 'owner' };

/** Retell's `transcript_object` as our turns (`user` → `owner`); undefined when absent or empty. */
function transcriptOf(turns: { role: string; content: string }[] | null | undefined): ProviderCallEvent['transcript'] {
  const mapped = (turns ?? []).flatMap((turn) => (ROLES[turn.role] ? [{ role: ROLES[turn.role]!, text: turn.content }] : []));
  return mapped.length ? mapped : undefined;
}

const KINDS = new Set(['call_started', 'call_ended', 'call_analyzed']);
const iso = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : undefined);

/**
 * {@link WebhookVerifier} for Retell: `x-retell-signature` (`v=<ms>,d=<hex>`) is an HMAC-SHA256 of the RAW body plus
 * the timestamp, keyed with the workspace's API key, refused when older than 5 minutes. `verify` (retell-sdk's
 * `lib/webhook_auth`, the same function as `Retell.verify`) returns a Promise and is awaited. The key comes from
 * `keyOf`: the platform's key (an `ApiKeySource` fits), or one chosen per body (a clinic's own workspace). `parse`
 * reads no key: it also serves to find which key an unverified body must be signed with.
 */
export class RetellWebhookVerifier implements WebhookVerifier {
  constructor(private readonly keyOf: SigningKeyOf) {}

  async verify(rawBody: string, signature: string | undefined): Promise<boolean> {
    if (!signature) return false;
    const key = await this.keyOf(rawBody);
    if (!key) return false;
    return verifyRetellSignature(rawBody, key, signature);
  }

  parse(rawBody: string): ProviderCallEvent {
    const { event, call } = RetellWebhookBody.parse(JSON.parse(rawBody));
    const analysis = call.call_analysis;
    const custom = analysis?.custom_analysis_data;
    return {
      kind: KINDS.has(event) ? (event as ProviderCallEvent['kind']) : 'other',
      name: event,
      providerCallId: call.call_id,
      callId: call.metadata?.call_id ?? undefined,
      attempt: call.metadata?.attempt ?? undefined,
      voiceAccount: call.metadata?.voice_account ?? undefined,
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
            optOutRequested: custom?.opt_out ?? undefined,
            concernLevel: custom?.concern_level ?? undefined,
            callbackRequested: custom?.callback_requested ?? undefined,
            ownerQuestions: custom?.owner_questions?.trim() ? custom.owner_questions.trim() : undefined,
          }
        : undefined,
      transcript: transcriptOf(call.transcript_object),
      recordingUrl: call.recording_url ?? undefined,
    };
  }
}
