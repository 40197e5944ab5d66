/**
 * The one DynamoDB table design: key attributes, global secondary indexes and the TTL attribute.
 * Used by the CDK stack (infra), the local stack (creates the table in DynamoDB Local) and the
 * DynamoDB adapters (key builders). Change it here and every user follows.
 *
 * Items (pk / sk):
 * - call            `CALL#<callId>` / `CALL`             GSI1: `CONSULT#<clinicId>#<consultationId>` / `<createdAt>`
 *                                                         GSI2: `CLINICCALLS#<clinicId>` / `<scheduledFor>#<callId>`
 *                                                         GSI3: `RETELL#<retellCallId>` / `CALL` (once dialled)
 *                                                         GSI4: `<phoneNumber>` / `<scheduledFor>#<callId>` (the calls to
 *                                                         one number, every clinic; the same attributes as GSI2's sort key)
 * - call event      `CALL#<callId>` / `EVENT#<at>#<key>`  (history; `key` makes duplicates collide)
 * - clinic          `CLINIC#<clinicId>` / `SETTINGS`         GSI1: `CLINICS` / `<clinicId>` (all clinics)
 * - opt-out         `CLINIC#<clinicId>` / `OPTOUT#<e164>`
 * - number usage    `CLINIC#<clinicId>` / `DIAL#<e164>#<at>#<callId>#<attempt>` (per-number 30-day cap), and the number's
 *   reservation version `CLINIC#<clinicId>` / `NUMSEQ#<e164>` (a dial is recorded under the cap in one conditional transaction)
 * - knowledge       `CLINIC#<clinicId>` / `KSOURCE#<sourceId>` (one source), `CLINIC#<clinicId>` / `KBASE` (the provider's
 *                   knowledge base, sync lease, source count), `CLINIC#<clinicId>` / `KUPLOAD#<uploadId>` (a pending upload, TTL)
 * - API token       `TOKEN#<sha256 hex>` / `TOKEN`        (the authorizer's lookup: clinic, role, label, `keyId`, `revokedAt`)
 * - API key         `APIKEYS#<clinicId>` / `KEY#<keyId>`   (name, role, `createdAt`, `lastUsedAt`, `revokedAt`, the token's
 *                   hash; every request with the key updates it once, which also refuses a revoked key)
 * - person          `PEOPLE#<clinicId>` / `PERSON#<userId>` (a signed-in person: name, email, role, `lastActiveAt`,
 *                   `disabledAt`; written by ops, refreshed by the authorizer, which refuses a disabled person)
 * - idempotency key `IDEMPOTENCY#<clinicId>#<key>` / `IDEMPOTENCY` (with TTL)
 * - agent           `AGENT#<agent_id>` / `AGENT`          GSI1: `AGENTS` / `<agent_id>`
 * - vapi assistant  `VAPIAGENT#<clinic_id>#<role>` / `AGENT`  GSI1: `AGENTS#vapi` / `<clinic_id>#<role>` (one per clinic per role)
 * - slot counter    `DIALSLOTS#<scope>` / `COUNTER`          (`inUse`: provider slots held; scope = provider account;
 *                   `servedSeq`: the rotation's last sequence number)
 * - slot lease      `DIALSLOTS#<scope>` / `LEASE#<callId>#<attempt>` (`takenAtMs`, `expiresAtMs`)
 * - waiting dial    `DIALQUEUE#<scope>#<clinicId>` / `<dueAt>#<callId>#<attempt>` (a clinic's due calls waiting for a
 *                   slot, earliest first; one partition per clinic, so firings of different clinics never share a key)
 * - rotation entry  `DIALROTATION#<scope>` / `CLINIC#<clinicId>` (a clinic with calls waiting; `servedSeq` = its place in
 *                   the round-robin, `closing` = a taker is checking whether its line emptied)
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  /**
   * `projection`: what each index copies. GSI1 and GSI2 serve lists that show whole calls (the consultation's calls,
   * the follow-up list, the export, the reconciler's walk), whole clinics and agents, so they copy every attribute;
   * GSI3 only maps a Retell call_id to our call id (the call is then read from the table), so it copies nothing else —
   * no owner name, number or transcript is stored a third time for it. GSI4 finds the calls planned to one number (the
   * per-number cap and the do-not-call list read them on every `POST /calls` and opt-out) without walking the clinic's
   * whole follow-up list: it is keyed by attributes every call item already has (`phoneNumber`, the `gsi2sk` of GSI2),
   * so DynamoDB fills it from the existing items when it is added, and it copies only what those checks read.
   */
  indexes: [
    { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: { type: 'ALL' } },
    { indexName: 'GSI2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: { type: 'ALL' } },
    { indexName: 'GSI3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: { type: 'INCLUDE', attributes: ['callId'] } },
    {
      indexName: 'GSI4',
      partitionKey: 'phoneNumber',
      sortKey: 'gsi2sk',
      projection: { type: 'INCLUDE', attributes: ['callId', 'clinicId', 'status', 'scheduledFor'] },
    },
  ],
} as const;

export type TableDesign = typeof TABLE_DESIGN;
export type IndexName = (typeof TABLE_DESIGN.indexes)[number]['indexName'];

/**
 * Partition-key prefix of API token items (`TOKEN#<sha256 hex>`): the key builders use it, and the authorizer's IAM
 * role may read only items whose partition key starts with it (`dynamodb:LeadingKeys`).
 */
export const TOKEN_KEY_PREFIX = 'TOKEN#';

/**
 * Partition-key prefix of a clinic's API key records (`APIKEYS#<clinicId>`): the API handlers' roles may update only
 * items under it (`dynamodb:LeadingKeys`) for their one write per API-key request (last use + revocation check).
 */
export const API_KEY_KEY_PREFIX = 'APIKEYS#';

/**
 * Partition-key prefix of a clinic's person records (`PEOPLE#<clinicId>`): the authorizer's role may update only
 * items under it (besides reading token items), to record activity and refuse disabled people.
 */
export const PERSON_KEY_PREFIX = 'PEOPLE#';

/** How long call records are kept before DynamoDB's TTL removes them (days). */
export const CALL_RETENTION_DAYS = 400;
/** How long an `Idempotency-Key` is remembered (hours). */
export const IDEMPOTENCY_TTL_HOURS = 24;
