import * as z from '../zod.js';

/** The voice providers a clinic can call through. */
export const VoiceProviderName = z.enum(['retell', 'vapi']);
export type VoiceProviderName = z.infer<typeof VoiceProviderName>;

/** Whose provider account places the clinic's calls: the platform's, or the clinic's own (its own key). */
export const VoiceAccountKind = z.enum(['platform', 'clinic']);
export type VoiceAccountKind = z.infer<typeof VoiceAccountKind>;

/** Vapi's default org concurrency limit (docs/vapi.md). */
export const VAPI_DEFAULT_CONCURRENCY_LIMIT = 10;

/** Retell's default concurrency of a pay-as-you-go workspace (docs/retell.md). */
export const RETELL_DEFAULT_CONCURRENCY_LIMIT = 20;

/**
 * The concurrency limit of an account that saved none: Retell's workspace default (20), or Vapi's default org
 * limit (10).
 */
export function defaultConcurrencyLimit(provider: VoiceProviderName): number {
  return provider === 'retell' ? RETELL_DEFAULT_CONCURRENCY_LIMIT : VAPI_DEFAULT_CONCURRENCY_LIMIT;
}

/**
 * The clinic's voice workspace as stored on the clinic (never the key itself: that is in the secret store).
 * `keyLast4` only for a clinic-owned account; `verifiedAt` UTC ISO of the last successful key check.
 */
export const ClinicVoiceSettings = z.object({
  provider: VoiceProviderName,
  account: VoiceAccountKind,
  keyLast4: z.optional(z.string().check(z.length(4))),
  /** The provider's id of the calling number (Vapi `phoneNumberId`). */
  phoneNumberId: z.optional(z.string().check(z.minLength(1))),
  /** E.164 calling number, when known. */
  fromNumber: z.optional(z.string()),
  /**
   * On Vapi, the clinic's follow-up assistant (`assistantId`); on the clinic's own Retell workspace, the follow-up agent
   * there (`agent_id`); created or updated when the settings are saved.
   */
  agentId: z.optional(z.string().check(z.minLength(1))),
  /** Concurrent calls of a clinic-owned account (its own limit at the provider). */
  concurrencyLimit: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  status: z.enum(['ok', 'invalid_credentials', 'unverified']),
  verifiedAt: z.optional(z.iso.datetime()),
});
export type ClinicVoiceSettings = z.infer<typeof ClinicVoiceSettings>;

/** `GET /clinic/voice` (admin). `agentId`: the clinic's agent at that provider, when it has one. */
export const ClinicVoice = z.extend(ClinicVoiceSettings, {
  /** The concurrency the clinic's calls draw from (the account's limit). */
  concurrencyLimit: z.int().check(z.gte(1)),
});
export type ClinicVoice = z.infer<typeof ClinicVoice>;

/**
 * `PUT /clinic/voice` (admin). `apiKey` is write-only: omitted = keep the stored one, `null` = back to the platform's
 * account. Give at most one of `fromNumber` / `phoneNumberId`.
 */
export const UpdateClinicVoiceRequest = z
  .strictObject({
    provider: VoiceProviderName,
    apiKey: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(8), z.maxLength(200)))),
    fromNumber: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'must be E.164 (+ and 7–15 digits)'))),
    phoneNumberId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    concurrencyLimit: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  })
  .check(
    z.refine((body) => !(body.fromNumber && body.phoneNumberId), { message: 'give fromNumber or phoneNumberId, not both', path: ['phoneNumberId'] }),
  );
export type UpdateClinicVoiceRequest = z.infer<typeof UpdateClinicVoiceRequest>;

/**
 * What saving did to the clinic's agents at the provider (its Vapi follow-up assistant, or its follow-up agent in its
 * own Retell workspace), by provider id: created,
 * updated (only the fields we manage), unchanged, our duplicates left alone, and errors in plain words (then the
 * settings are saved but calls are held until a later save succeeds).
 */
export const AgentSyncSummary = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  duplicates: z.array(z.string()),
  errors: z.array(z.string()),
});
export type AgentSyncSummary = z.infer<typeof AgentSyncSummary>;

/** `PUT /clinic/voice` answer: the saved workspace, and the agent sync it ran (Vapi, or the clinic's own Retell workspace). */
export const UpdateClinicVoiceResponse = z.object({ voice: ClinicVoice, sync: z.optional(AgentSyncSummary) });
export type UpdateClinicVoiceResponse = z.infer<typeof UpdateClinicVoiceResponse>;
