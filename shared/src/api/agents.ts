import * as z from '../zod.js';
import { E164_PATTERN } from '../domain/phone.js';
import { isoInstant } from './call.js';

/**
 * The Retell voice-agent registry and its admin API, in one vocabulary.
 * Retell's snake_case field names map 1:1 to camelCase here (and nowhere else):
 * `agent_id` → `agentId`, `agent_name` → `agentName`, `voice_id` → `voiceId`, `version` → `version`,
 * `is_published` → `isPublished`, `language` → `language`, `last_modification_timestamp` → `lastModificationTimestamp`,
 * `max_call_duration_ms` → `maxCallDurationMs`, the Retell LLM's `begin_message` → `greeting`.
 * Facts about Retell's agent API: docs/retell.md and retell-sdk 5.66.1 `resources/agent.ts`.
 */

/** How often the recurring EventBridge Scheduler schedule runs agent sync + audit by default (hours). */
export const AGENT_SYNC_INTERVAL_HOURS = 6;
/** The recurring schedule's expression (EventBridge Scheduler `rate()` syntax). */
export const AGENT_SYNC_SCHEDULE_EXPRESSION = `rate(${AGENT_SYNC_INTERVAL_HOURS} hours)`;
/** Orphaned agents older than this many days are removed by `POST /agents/cleanup-orphaned`. */
export const ORPHAN_RETENTION_DAYS = 7;

/**
 * Registry status of an agent:
 * - `active`: present in Retell, voice-enabled (has a `voice_id`); clinics may dial with it.
 * - `orphaned`: was active, then deleted in Retell or its voice was removed; clinics using it cannot dial.
 * - `skipped`: present in Retell but not usable for calls (chat agent, no voice, missing the configured tag).
 */
export const AgentSyncStatus = z.enum(['active', 'orphaned', 'skipped']);
export type AgentSyncStatus = z.infer<typeof AgentSyncStatus>;

/** One Retell agent as the registry keeps it (the DynamoDB item and the `GET /agents` item share this shape). */
export const RegistryAgent = z.object({
  agentId: z.string().check(z.minLength(1)),
  agentName: z.string(),
  /** Absent when the agent has no voice (skipped) or lost it (orphaned). */
  voiceId: z.optional(z.string().check(z.minLength(1))),
  /** Retell's latest agent version number. */
  version: z.int().check(z.nonnegative()),
  isPublished: z.boolean(),
  /** Retell locale, e.g. `en-US`; several locales are joined with `,`. */
  language: z.optional(z.string()),
  /** Retell `last_modification_timestamp`: ms since the Unix epoch (UTC). */
  lastModificationTimestamp: z.int().check(z.nonnegative()),
  /** When the sync last saw (or missed) this agent, UTC ISO. */
  lastSyncedAt: isoInstant,
  syncStatus: AgentSyncStatus,
  /** Why the agent is skipped / orphaned / flagged, in plain words. */
  statusReason: z.optional(z.string()),
  /** When the agent became orphaned, UTC ISO (cleanup removes orphans older than {@link ORPHAN_RETENTION_DAYS}). */
  orphanedAt: z.optional(isoInstant),
  /** Set on a duplicate (same `agentName` as a more recently modified agent): the `agentId` that was kept. */
  duplicateOf: z.optional(z.string()),
  /** Retell tag names on the agent (keys of the list item's `tags`). */
  tags: z._default(z.array(z.string()), []),
  /** Where the agent lives: absent = Retell. A Vapi record is the clinic's assistant for one role (`agentId` = assistant id). */
  provider: z.optional(z.enum(['retell', 'vapi'])),
  /** Vapi: the clinic the assistant serves (one assistant per clinic per role). */
  clinicId: z.optional(z.string().check(z.minLength(1))),
  /** Vapi: the assistant's role for the clinic (`follow_up`). */
  role: z.optional(z.string().check(z.minLength(1))),
  /** Vapi: the provider account holding the assistant (`vapi:platform` or `vapi:clinic:<clinicId>`). */
  account: z.optional(z.string().check(z.minLength(1))),
});
export type RegistryAgent = z.infer<typeof RegistryAgent>;

/** One agent in a sync report or a cleanup answer. `agentId` is empty for errors that concern the whole sync. */
export const AgentChange = z.object({ agentId: z.string(), agentName: z.string(), reason: z.string() });
export type AgentChange = z.infer<typeof AgentChange>;

/**
 * What one sync did to the Vapi clinics' assistants (one per clinic per role, tagged through `metadata`): created,
 * updated (only the fields we manage), unchanged, our other tagged assistants of a clinic (left alone), records of
 * clinics no longer on Vapi marked orphaned, and errors in plain words.
 */
export const VapiAssistantsSyncReport = z.object({
  created: z.array(AgentChange),
  updated: z.array(AgentChange),
  unchanged: z.array(AgentChange),
  duplicates: z.array(AgentChange),
  orphaned: z.array(AgentChange),
  errors: z.array(AgentChange),
});
export type VapiAssistantsSyncReport = z.infer<typeof VapiAssistantsSyncReport>;

/** What one sync did (`POST /agents/sync` answer; also logged by the recurring schedule). */
export const AgentSyncReport = z.object({
  /** False when Retell failed: then the registry was left untouched and `errors` says why. */
  ok: z.boolean(),
  /** UTC ISO instants. */
  startedAt: isoInstant,
  finishedAt: isoInstant,
  created: z.array(AgentChange),
  updated: z.array(AgentChange),
  skipped: z.array(AgentChange),
  orphaned: z.array(AgentChange),
  /** Agents flagged as duplicates by name (`reason` names the agent kept). */
  duplicates: z.array(AgentChange),
  errors: z.array(AgentChange),
  totals: z.object({
    /** Agents listed by Retell (all pages). */
    inRetell: z.int().check(z.nonnegative()),
    created: z.int().check(z.nonnegative()),
    updated: z.int().check(z.nonnegative()),
    skipped: z.int().check(z.nonnegative()),
    orphaned: z.int().check(z.nonnegative()),
    duplicates: z.int().check(z.nonnegative()),
    errors: z.int().check(z.nonnegative()),
    /** Active agents in the registry after the sync. */
    active: z.int().check(z.nonnegative()),
  }),
  /** The Vapi side (clinics whose voice settings say Vapi); absent when the sync ran for Retell only. */
  vapi: z.optional(VapiAssistantsSyncReport),
});
export type AgentSyncReport = z.infer<typeof AgentSyncReport>;

/** Kinds of drift the audit finds. */
export const DISCREPANCY_KINDS = [
  'missing_in_registry',
  'orphaned',
  'duplicate',
  'clinic_agent_not_active',
  'voice_mismatch',
  'retell_unreachable',
  /** An active agent lacks one of our post-call analysis fields (`domain/post-call-analysis.ts`): its calls cannot be triaged. */
  'analysis_fields_missing',
  /** A Vapi assistant's fields we manage (server URL / credential / backoffPlan, server messages, analysis schema, tag) differ from ours. */
  'managed_fields_drift',
  /** A Vapi account could not be read during the audit. */
  'vapi_unreachable',
  /** The clinic's knowledge base is not attached to its agent (docs/knowledge-base.md): the agent cannot answer from it. */
  'knowledge_base_detached',
  /** A knowledge source is `ready` here but its copy is missing at the provider. */
  'knowledge_source_missing',
  /** A knowledge source has been `syncing` for more than an hour. */
  'knowledge_source_stuck',
] as const;
export const DiscrepancyKind = z.enum(DISCREPANCY_KINDS);
export type DiscrepancyKind = z.infer<typeof DiscrepancyKind>;

/** One finding of the audit. `clinicId` on `clinic_agent_not_active` and the `knowledge_*` kinds. */
export const AgentDiscrepancy = z.object({
  kind: DiscrepancyKind,
  agentId: z.string(),
  agentName: z.optional(z.string()),
  clinicId: z.optional(z.string()),
  detail: z.string(),
});
export type AgentDiscrepancy = z.infer<typeof AgentDiscrepancy>;

/** `GET /agents/audit` answer (read-only: the audit never writes). */
export const AgentAuditReport = z.object({
  /** UTC ISO. */
  auditedAt: isoInstant,
  /** 0–100; formula in backend/src/app/agents/health-score.ts and the agents README. */
  healthScore: z.int().check(z.gte(0), z.lte(100)),
  discrepancies: z.array(AgentDiscrepancy),
  /** Plain-words next steps for an admin, most urgent first. */
  recommendations: z.array(z.string()),
  counts: z.object({
    active: z.int().check(z.nonnegative()),
    orphaned: z.int().check(z.nonnegative()),
    skipped: z.int().check(z.nonnegative()),
    duplicates: z.int().check(z.nonnegative()),
    clinics: z.int().check(z.nonnegative()),
  }),
});
export type AgentAuditReport = z.infer<typeof AgentAuditReport>;

/** `GET /agents` answer: the whole registry, sorted by `agentName` then `agentId`. */
export const ListAgentsResponse = z.object({ items: z.array(RegistryAgent) });
export type ListAgentsResponse = z.infer<typeof ListAgentsResponse>;

/** `POST /agents/cleanup-orphaned` answer: which orphans were removed, and which were kept and why. */
export const CleanupOrphanedAgentsResponse = z.object({
  removed: z.array(AgentChange),
  kept: z.array(AgentChange),
});
export type CleanupOrphanedAgentsResponse = z.infer<typeof CleanupOrphanedAgentsResponse>;

/** A Retell voice (`GET /agents/voices` item), from Retell's `list-voices`. */
export const RetellVoice = z.object({
  voiceId: z.string(),
  voiceName: z.string(),
  provider: z.string(),
  gender: z.optional(z.string()),
  accent: z.optional(z.string()),
  age: z.optional(z.string()),
  previewAudioUrl: z.optional(z.string()),
});
export type RetellVoice = z.infer<typeof RetellVoice>;

/** `GET /agents/voices` answer. */
export const ListVoicesResponse = z.object({ items: z.array(RetellVoice) });
export type ListVoicesResponse = z.infer<typeof ListVoicesResponse>;

/** Retell's bounds for `max_call_duration_ms`: 1 minute to 2 hours. */
export const MAX_CALL_DURATION_MS = { min: 60_000, max: 7_200_000 } as const;

/** A Retell locale such as `en-US` or `es-419`. */
export const AgentLanguage = z.string().check(z.regex(/^[a-z]{2,3}-[A-Z0-9]{2,3}$/, 'must be a locale such as en-US'));

/** An extra post-call analysis field for a Vapi assistant (added to `analysisPlan.structuredDataPlan.schema`). */
export const AnalysisFieldInput = z.strictObject({
  type: z.enum(['enum', 'boolean', 'string']),
  name: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be snake_case (a–z, 0–9, _), at most 64 characters')),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  choices: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))).check(z.minLength(1), z.maxLength(20))),
});
export type AnalysisFieldInput = z.infer<typeof AnalysisFieldInput>;

/**
 * `PUT /clinic/agent` body (admin): any subset. `agentId` / `fromNumber` rewire the clinic (checked against Retell:
 * the agent must exist and have a voice; the number must be E.164). `voiceId`, `greeting`, `language` and
 * `maxCallDurationMs` edit the clinic's follow-up agent in Retell (update the draft, then publish it).
 * For a clinic on Vapi the edit goes to its assistant and changes only the fields sent: `agentName` → `name`,
 * `voiceId` → `voice.voiceId`, `greeting` → `firstMessage`, `systemPrompt` → the system message of `model.messages`,
 * `maxCallDurationMs` → `maxDurationSeconds`, `analysisFields` → extra properties of
 * `analysisPlan.structuredDataPlan.schema` (our own four are always kept). `agentName`, `systemPrompt` and
 * `analysisFields` are Vapi only; `agentId`, `fromNumber` and `language` Retell only.
 */
export const UpdateClinicAgentRequest = z
  .partial(
    z.strictObject({
      agentId: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(128)),
      fromNumber: z.string().check(z.trim(), z.regex(E164_PATTERN, 'must be an E.164 number such as +14155550199')),
      voiceId: z.string().check(z.trim(), z.minLength(1), z.maxLength(128)),
      /** The agent's first sentence (Retell LLM `begin_message`); dynamic variables like `{{pet_name}}` allowed. */
      greeting: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
      language: AgentLanguage,
      maxCallDurationMs: z
        .int()
        .check(
          z.gte(MAX_CALL_DURATION_MS.min, 'must be at least 60000 ms (1 minute)'),
          z.lte(MAX_CALL_DURATION_MS.max, 'must be at most 7200000 ms (2 hours)'),
        ),
      /** Vapi assistant `name` (Vapi allows 40 characters). */
      agentName: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
      /** Vapi: the system prompt (the `system` message of `model.messages`). */
      systemPrompt: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)),
      /** Vapi: extra post-call analysis fields (replacing earlier extras of the same name). */
      analysisFields: z.array(AnalysisFieldInput).check(z.minLength(1), z.maxLength(20)),
    }),
  )
  .check(z.refine((body) => Object.keys(body).length > 0, 'send at least one field to change'));
export type UpdateClinicAgentRequest = z.infer<typeof UpdateClinicAgentRequest>;

/** The clinic's follow-up agent as Retell has it now (live read). */
export const FollowUpAgent = z.object({
  agentId: z.string(),
  agentName: z.string(),
  voiceId: z.optional(z.string()),
  language: z.optional(z.string()),
  maxCallDurationMs: z.optional(z.int()),
  /** Absent when the agent's response engine is not a Retell LLM (then it cannot be edited here). */
  greeting: z.optional(z.string()),
  version: z.int().check(z.nonnegative()),
  isPublished: z.boolean(),
  /** Where the agent lives: absent = Retell. */
  provider: z.optional(z.enum(['retell', 'vapi'])),
  /** Vapi: the system prompt. */
  systemPrompt: z.optional(z.string()),
  /** Vapi: names of the post-call analysis fields in the assistant's structured-data schema. */
  analysisFieldNames: z.optional(z.array(z.string())),
});
export type FollowUpAgent = z.infer<typeof FollowUpAgent>;

/** `GET /clinic/agent` and `PUT /clinic/agent` answer (admin). */
export const ClinicAgentSettings = z.object({
  clinicId: z.string(),
  agentId: z.string(),
  fromNumber: z.string(),
  /** Can this clinic dial right now? False when its agent is orphaned or not voice-enabled. */
  usable: z.boolean(),
  /** Why not, in plain words (only when `usable` is false). */
  reason: z.optional(z.string()),
  /** The registry's record of the agent, when it has one. */
  registry: z.optional(RegistryAgent),
  /** Live from Retell; absent when Retell could not be reached or the agent is gone. */
  agent: z.optional(FollowUpAgent),
});
export type ClinicAgentSettings = z.infer<typeof ClinicAgentSettings>;
