import { POST_CALL_ANALYSIS_FIELDS, type AnalysisFieldSpec, type Clinic } from '@vfc/shared';
import type { AssistantAccount } from '../../ports/voice-account.js';
import { managedDrift } from './assistant-drift.js';

/** Our tag on a Vapi assistant (`metadata`): who manages it, for which clinic and which role. */
export interface AssistantTag {
  managedBy: typeof MANAGED_BY;
  clinicId: string;
  role: 'follow_up';
}

/** The `metadata.managedBy` value of the assistants we create. */
export const MANAGED_BY = 'vet-follow-up-calls';

/** Where the assistant sends its server messages: our `POST /webhooks/vapi` and the HMAC credential Vapi signs with. */
export interface AssistantServer {
  /** `https://<api>/webhooks/vapi`. */
  url: string;
  /** Vapi credential id of the platform's HMAC webhook credential, when ops created one (see infra/README.md). */
  credentialId?: string;
}

/** What saving the voice settings did to the clinic's assistants (ids only). */
export interface AssistantSyncReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Our other assistants for the same clinic and role (left alone; an admin may delete them in Vapi). */
  duplicates: string[];
}

/**
 * Retries of a failed server-message delivery: Vapi retries nothing by default, so a lost `end-of-call-report` would
 * wait for the reconciler (docs.vapi.ai/server-url/setting-server-urls, `Server.backoffPlan`).
 */
export const SERVER_BACKOFF_PLAN = { type: 'exponential', maxRetries: 3, baseDelaySeconds: 1 } as const;

/** The server messages our webhook applies; the rest are not sent. */
export const SERVER_MESSAGES = ['status-update', 'end-of-call-report'] as const;

/** The fields the sync owns on every assistant it manages (compared and rewritten when they differ). */
export function managedFields(clinic: Pick<Clinic, 'clinicId'>, server: AssistantServer): Record<string, unknown> {
  return {
    server: { url: server.url, ...(server.credentialId ? { credentialId: server.credentialId } : {}), backoffPlan: SERVER_BACKOFF_PLAN },
    serverMessages: [...SERVER_MESSAGES],
    analysisPlan: { structuredDataPlan: { enabled: true, schema: analysisSchema() } },
    metadata: { managedBy: MANAGED_BY, clinicId: clinic.clinicId, role: 'follow_up' } satisfies AssistantTag,
  };
}

/**
 * The JSON Schema of our post-call analysis fields ({@link POST_CALL_ANALYSIS_FIELDS}), for Vapi's
 * `analysisPlan.structuredDataPlan.schema`: the same fields the Retell agents report, read back from
 * `analysis.structuredData` by the webhook adapter.
 */
export function analysisSchema(): Record<string, unknown> {
  const properties = Object.fromEntries(POST_CALL_ANALYSIS_FIELDS.map((field) => [field.name, analysisProperty(field)]));
  return { type: 'object', properties };
}

/** One analysis field as a JSON Schema property (an `enum` field is a string with `enum` choices). */
export function analysisProperty(field: AnalysisFieldSpec): Record<string, unknown> {
  return { type: field.type === 'enum' ? 'string' : field.type, description: field.description, ...(field.choices ? { enum: [...field.choices] } : {}) };
}

/** The whole assistant created for a clinic that has none: our managed fields plus a starting prompt staff can edit in Vapi. */
export function newAssistantFields(clinic: Pick<Clinic, 'clinicId' | 'name'>, server: AssistantServer): Record<string, unknown> {
  return {
    name: `${clinic.name} follow-up`.slice(0, 40),
    firstMessage: "Hello, this is {{clinic_name}} calling about {{pet_name}}'s recent visit. Is now a good time?",
    model: { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'system', content: FOLLOW_UP_PROMPT }] },
    maxDurationSeconds: 600,
    ...managedFields(clinic, server),
  };
}

const FOLLOW_UP_PROMPT = [
  'You are calling on behalf of {{clinic_name}} (call-back number {{clinic_phone}}) to follow up with {{owner_name}}',
  "after {{pet_name}}'s visit with {{vet_name}}. Say at the start that you are an automated assistant of the clinic.",
  'Ask how {{pet_name}} is doing, whether the owner has questions about the discharge instructions ({{discharge_summary}}),',
  'and whether they would like someone from the clinic to call back. Never give medical advice: if the owner describes',
  'a worrying sign, tell them the clinic will call back and, for an emergency, to call the clinic or an emergency vet now.',
  'If the owner asks not to be called again, confirm politely and end the call.',
].join(' ');

/**
 * Makes sure the clinic has exactly one assistant of ours for follow-up calls in this Vapi account: creates it when
 * there is none; otherwise rewrites only the fields we manage (server URL and credential, retries, the server
 * messages, our analysis fields, the tag; see {@link managedDrift}) and only when they differ — a prompt, voice,
 * greeting or extra analysis field edited in Vapi or in the agent editor is kept. Among several of ours the most recently updated is used and the others are reported as duplicates.
 * @returns the assistant id to dial with and the report.
 * @throws VoiceAccountError when Vapi refuses or cannot be reached (nothing is stored by the caller then).
 */
export async function syncClinicAssistant(
  account: AssistantAccount,
  clinic: Pick<Clinic, 'clinicId' | 'name'>,
  server: AssistantServer,
): Promise<{ assistantId: string; report: AssistantSyncReport }> {
  const report: AssistantSyncReport = { created: [], updated: [], unchanged: [], duplicates: [] };
  const ours = (await account.listAssistants())
    .filter((a) => a.metadata?.managedBy === MANAGED_BY && a.metadata.clinicId === clinic.clinicId && a.metadata.role === 'follow_up')
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  const [current, ...others] = ours;
  report.duplicates.push(...others.map((a) => a.id));
  if (!current) {
    const created = await account.createAssistant(newAssistantFields(clinic, server));
    report.created.push(created.id);
    return { assistantId: created.id, report };
  }
  const { fields, patch } = managedDrift(current, managedFields(clinic, server));
  if (fields.length === 0) {
    report.unchanged.push(current.id);
  } else {
    await account.updateAssistant(current.id, patch);
    report.updated.push(current.id);
  }
  return { assistantId: current.id, report };
}
