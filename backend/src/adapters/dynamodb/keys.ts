import { API_KEY_KEY_PREFIX, PERSON_KEY_PREFIX, TOKEN_KEY_PREFIX } from '@vfc/shared/storage/table-design';
/** Key builders for the single table (layout documented in shared/src/storage/table-design.ts). */
export const keys = {
  call: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'CALL' }),
  callEvent: (callId: string, dedupeKey: string) => ({ pk: `CALL#${callId}`, sk: `EVENT#${dedupeKey}` }),
  callEventPrefix: 'EVENT#',
  consultation: (clinicId: string, consultationId: string) => `CONSULT#${clinicId}#${consultationId}`,
  clinicCalls: (clinicId: string) => `CLINICCALLS#${clinicId}`,
  retellCall: (retellCallId: string) => `RETELL#${retellCallId}`,
  clinic: (clinicId: string) => ({ pk: `CLINIC#${clinicId}`, sk: 'SETTINGS' }),
  token: (tokenHash: string) => ({ pk: `${TOKEN_KEY_PREFIX}${tokenHash}`, sk: 'TOKEN' }),
  /** A clinic's API key record (name, role, last use, revocation), by its id. */
  apiKey: (clinicId: string, keyId: string) => ({ pk: `${API_KEY_KEY_PREFIX}${clinicId}`, sk: `KEY#${keyId}` }),
  apiKeys: (clinicId: string) => `${API_KEY_KEY_PREFIX}${clinicId}`,
  /** A clinic's person record (name, email, role, last activity, disabled), by their `sub`. */
  person: (clinicId: string, userId: string) => ({ pk: `${PERSON_KEY_PREFIX}${clinicId}`, sk: `PERSON#${userId}` }),
  people: (clinicId: string) => `${PERSON_KEY_PREFIX}${clinicId}`,
  agent: (agentId: string) => ({ pk: `AGENT#${agentId}`, sk: 'AGENT' }),
  /** GSI1 partition holding every agent (sort key = agent_id). */
  allAgents: 'AGENTS',
  /** A clinic's Vapi assistant for one role: the item whose conditional write keeps it to one. */
  vapiAssistant: (clinicId: string, role: string) => ({ pk: `VAPIAGENT#${clinicId}#${role}`, sk: 'AGENT' }),
  /** GSI1 partition holding every Vapi assistant record (sort key = `<clinicId>#<role>`). */
  allVapiAssistants: 'AGENTS#vapi',
  /** GSI1 partition holding every clinic (sort key = clinicId). */
  allClinics: 'CLINICS',
  idempotency: (clinicId: string, key: string) => ({ pk: `IDEMPOTENCY#${clinicId}#${key}`, sk: 'IDEMPOTENCY' }),
  /** Concurrency slots of a scope: the counter item and one lease item per dialled attempt. */
  dialSlots: (scope: string) => `DIALSLOTS#${scope}`,
  dialSlotCounter: 'COUNTER',
  dialSlotLease: (callId: string, attempt: number) => `LEASE#${callId}#${attempt}`,
  dialSlotLeasePrefix: 'LEASE#',
  /** One clinic's waiting line in a scope (its own partition); sort key orders it by due time. */
  dialQueue: (scope: string, clinicId: string) => `DIALQUEUE#${scope}#${clinicId}`,
  /** The rotation of a scope: one item per clinic with calls waiting (`servedSeq`: its place in the round-robin). */
  dialRotation: (scope: string) => `DIALROTATION#${scope}`,
  dialRotationEntry: (clinicId: string) => `CLINIC#${clinicId}`,
  dialQueueEntry: (dueAt: string, callId: string, attempt: number) => `${dueAt}#${callId}#${attempt}`,
  /** A clinic's knowledge source (texts inline; files point at their S3 object). */
  knowledgeSource: (clinicId: string, sourceId: string) => ({ pk: `CLINIC#${clinicId}`, sk: `KSOURCE#${sourceId}` }),
  knowledgeSourcePrefix: 'KSOURCE#',
  /** The clinic's knowledge base: the provider's copy, the sync lease and the source count (the 50-source cap). */
  knowledgeBase: (clinicId: string) => ({ pk: `CLINIC#${clinicId}`, sk: 'KBASE' }),
  /** An upload URL handed out and not yet turned into a source (with TTL: abandoned ones expire). */
  knowledgeUpload: (clinicId: string, uploadId: string) => ({ pk: `CLINIC#${clinicId}`, sk: `KUPLOAD#${uploadId}` }),
};

/** Attributes that are keys, not data: stripped when an item is read back. */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const;

/** The item without its key attributes. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  return copy as T;
}
