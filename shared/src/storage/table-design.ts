/**
 * The one DynamoDB table design: key attributes, global secondary indexes and the TTL attribute.
 * Used by the CDK stack (infra), the local stack (creates the table in DynamoDB Local) and the
 * DynamoDB adapters (key builders). Change it here and every user follows.
 *
 * Items (pk / sk):
 * - call            `CALL#<callId>` / `CALL`             GSI1: `CONSULT#<clinicId>#<consultationId>` / `<createdAt>`
 *                                                         GSI2: `CLINICCALLS#<clinicId>` / `<scheduledFor>#<callId>`
 *                                                         GSI3: `RETELL#<retellCallId>` / `CALL` (once dialled)
 * - call event      `CALL#<callId>` / `EVENT#<at>#<key>`  (history; `key` makes duplicates collide)
 * - clinic          `CLINIC#<clinicId>` / `SETTINGS`         GSI1: `CLINICS` / `<clinicId>` (all clinics)
 * - opt-out         `CLINIC#<clinicId>` / `OPTOUT#<e164>`
 * - number usage    `CLINIC#<clinicId>` / `DIAL#<e164>#<at>#<callId>#<attempt>` (per-number 30-day cap)
 * - API token       `TOKEN#<sha256 hex>` / `TOKEN`
 * - idempotency key `IDEMPOTENCY#<clinicId>#<key>` / `IDEMPOTENCY` (with TTL)
 * - agent           `AGENT#<agent_id>` / `AGENT`          GSI1: `AGENTS` / `<agent_id>`
 * - slot counter    `DIALSLOTS#<scope>` / `COUNTER`          (`inUse`: provider slots held; scope = Retell account)
 * - slot lease      `DIALSLOTS#<scope>` / `LEASE#<callId>#<attempt>` (`takenAtMs`, `expiresAtMs`)
 * - waiting dial    `DIALQUEUE#<scope>` / `<dueAt>#<callId>#<attempt>` (due calls waiting for a slot, earliest first)
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: [
    { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'GSI2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'GSI3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

export type TableDesign = typeof TABLE_DESIGN;
export type IndexName = (typeof TABLE_DESIGN.indexes)[number]['indexName'];

/**
 * Partition-key prefix of API token items (`TOKEN#<sha256 hex>`): the key builders use it, and the authorizer's IAM
 * role may read only items whose partition key starts with it (`dynamodb:LeadingKeys`).
 */
export const TOKEN_KEY_PREFIX = 'TOKEN#';

/** How long call records are kept before DynamoDB's TTL removes them (days). */
export const CALL_RETENTION_DAYS = 400;
/** How long an `Idempotency-Key` is remembered (hours). */
export const IDEMPOTENCY_TTL_HOURS = 24;
