import { API_ROUTES, isTokenRoute } from '@vfc/shared/api/routes';
/**
 * What each Lambda function may do, by handler name — the single place least privilege is decided.
 * The stateless stack turns each {@link Permission} into IAM statements scoped to our own resources.
 */
export type Permission =
  /** GetItem/Query/BatchGet on the table and its indexes. */
  | 'table:read'
  /** GetItem of API token items only (`dynamodb:LeadingKeys` = `TOKEN#*`): how the authorizer finds an API key. */
  | 'table:read-tokens'
  /**
   * UpdateItem of person records only (`dynamodb:LeadingKeys` = `PEOPLE#*`): the authorizer records a person's activity
   * and refuses a disabled person with one conditional write.
   */
  | 'table:record-people'
  /**
   * UpdateItem of API key records only (`dynamodb:LeadingKeys` = `APIKEYS#*`): every token route's one conditional write
   * per API-key request (last use; a revoked key refused). Granted to every token route's handler, see
   * {@link TOKEN_ROUTE_PERMISSIONS}.
   */
  | 'table:record-key-use'
  /** Read plus Put/Update/Delete item, transactions (never table-level actions such as DeleteTable). */
  | 'table:write'
  /** GetSecretValue/DescribeSecret on the Retell API key secret only. */
  | 'secret:read'
  /** Create/put/get/delete of the per-clinic provider key secrets (`<prefix>/clinic-voice/*`) only. */
  | 'clinic-secrets:write'
  /** GetSecretValue/DescribeSecret on the platform's Vapi webhook secret only. */
  | 'vapi-webhook-secret:read'
  /** GetSecretValue/DescribeSecret on the platform's Vapi private key secret only. */
  | 'vapi-key:read'
  /** GetSecretValue only, on the per-clinic provider key secrets (`<prefix>/clinic-voice/*`). */
  | 'clinic-secrets:read'
  /** scheduler:CreateSchedule in the call schedule group. */
  | 'schedule:create'
  /** scheduler:DeleteSchedule in the call schedule group. */
  | 'schedule:delete'
  /** iam:PassRole of the scheduler's invoke role only, and only to scheduler.amazonaws.com. */
  | 'scheduler-role:pass'
  /** lambda:InvokeFunction of the `apply-provider-event` function only (the webhook's asynchronous hand-over). */
  | 'provider-event:invoke'
  /** lambda:InvokeFunction of the `sync-knowledge` function only (the knowledge sync's asynchronous hand-over). */
  | 'knowledge-sync:invoke'
  /** s3:PutObject under `uploads/` of the knowledge bucket only: what a presigned upload URL is signed with. */
  | 'knowledge-files:upload'
  /**
   * s3:GetObject/PutObject/DeleteObject under `uploads/` and `sources/` of the knowledge bucket (an upload becomes a
   * source), and s3:ListBucket of that bucket, without which S3 answers a HEAD of a missing upload 403, not 404.
   */
  | 'knowledge-files:manage'
  /**
   * s3:GetObject/DeleteObject under `sources/` of the knowledge bucket only: the sync sends documents to the provider
   * and deletes a removed source's document when it forgets the source.
   */
  | 'knowledge-files:sync';

/**
 * Per-handler permissions. Fails closed: a handler without an entry gets nothing — {@link permissionsFor} throws and
 * the synth stops — so a new handler cannot deploy until its permissions are decided here.
 *
 * Derived from each handler and the use cases it calls (`backend/src/handlers/`, `backend/src/app/`), through the
 * ports they use: any store (calls, clinics, opt-outs, number usage, dial slots, agent registry) → the table;
 * `voice` / `agentDirectory` / the webhook verifier → the Retell API key secret; `scheduler.schedule` →
 * `schedule:create` + `scheduler-role:pass` (the schedule names the scheduler role); `scheduler.cancel` →
 * `schedule:delete`. The EventBridge adapter sends only CreateSchedule and DeleteSchedule (a test holds it to that).
 * Paths that reach the scheduler or Retell indirectly are noted per entry.
 */
export const HANDLER_PERMISSIONS: PermissionMap = {
  // Registry check only (no Retell call), then the first attempt's schedule.
  'create-call': ['table:read', 'table:write', 'schedule:create', 'scheduler-role:pass'],
  'list-calls': ['table:read'],
  // Reads the clinic (its zone) and its calls by scheduled time.
  'export-calls': ['table:read'],
  // Write the call's resolution (conditional write + history event); nothing else.
  'resolve-call': ['table:read', 'table:write'],
  'reopen-call': ['table:read', 'table:write'],
  'get-call': ['table:read'],
  'get-clinic': ['table:read'],
  'cancel-call': ['table:read', 'table:write', 'schedule:delete'],
  // Creates the moved call's new schedule, then deletes the old one.
  'reschedule-call': ['table:read', 'table:write', 'schedule:create', 'schedule:delete', 'scheduler-role:pass'],
  // Verifies with the key of the workspace that placed the call (the platform's, or a clinic's own Retell key: read from
  // its secret), writes the event's receipt into the call's history, hands the event to apply-provider-event.
  'retell-webhook': ['table:read', 'table:write', 'secret:read', 'clinic-secrets:read', 'provider-event:invoke'],
  // After the webhook answered: an ending schedules the retry; the freed slot serves the waiting line (dials with
  // Retell, may cancel an opted-out call or schedule a wake-up); an opt-out from the call analysis cancels scheduled calls.
  'apply-provider-event': ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'schedule:create', 'schedule:delete', 'scheduler-role:pass'],
  // Verifies with the platform's Vapi webhook secret, writes the event's receipt, hands it to apply-provider-event.
  'vapi-webhook': ['table:read', 'table:write', 'vapi-webhook-secret:read', 'provider-event:invoke'],
  // Dials with Retell (and checks an unknown agent there); moves/retries/wake-ups create schedules; a due call to an
  // opted-out number is cancelled (its schedule deleted).
  // Calls go through the clinic's provider account: the platform's Retell or Vapi key, or the clinic's own key.
  dialer: ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'schedule:create', 'schedule:delete', 'scheduler-role:pass'],
  // Every 5 minutes: asks Retell about unended calls, re-dials/re-queues stuck ones (the dialer's paths).
  reconcile: ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'schedule:create', 'schedule:delete', 'scheduler-role:pass'],
  // Syncs and audits Retell's agents and the Vapi clinics' assistants (the platform's or the clinic's own Vapi key).
  'agent-sync': ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read'],
  // The authorizer looks up API tokens by hash (GetItem of `TOKEN#<hash>`) and records a person's activity (UpdateItem of
  // `PEOPLE#<clinicId>` items, conditional: refused when disabled). It reads no call, clinic or phone number.
  authorizer: ['table:read-tokens', 'table:record-people'],
  // Agent registry admin routes.
  'sync-agents': ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read'],
  'list-agents': ['table:read'],
  // Reads the registry and clinics, Retell's agents and the Vapi clinics' assistants; writes nothing.
  'audit-agents': ['table:read', 'secret:read', 'vapi-key:read', 'clinic-secrets:read'],
  // Registry and clinics; never calls Retell; deletes our stray assistants in the platform's Vapi account (reading the
  // clinics' own Vapi accounts to tell strays apart).
  'cleanup-orphaned-agents': ['table:read', 'table:write', 'vapi-key:read', 'clinic-secrets:read'],
  // Retell's voice list only: never reads the table.
  'list-voices': ['secret:read'],
  // Reads the clinic and registry, and the agent (voice, greeting) from Retell — or its Vapi assistant.
  'get-clinic-agent': ['table:read', 'secret:read', 'vapi-key:read', 'clinic-secrets:read'],
  'update-clinic-agent': ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read'],
  // Clinic settings and opt-out admin routes: table only (they never call Retell).
  'get-clinic-settings': ['table:read'],
  // Then regenerates the clinic facts of the knowledge base and queues their sync.
  'update-clinic-settings': ['table:read', 'table:write', 'knowledge-sync:invoke'],
  'list-opt-outs': ['table:read'],
  // The clinic's person records (docs/sign-in.md).
  'list-staff': ['table:read'],
  // The voice workspace: GET reads the clinic only; PUT tests the key at the provider, then writes the clinic's key
  // secret and the clinic item; a move to another provider or account resets the knowledge sources and queues a sync.
  'get-clinic-voice': ['table:read'],
  'update-clinic-voice': ['table:read', 'table:write', 'clinic-secrets:write', 'vapi-key:read', 'knowledge-sync:invoke'],
  // Also cancels the clinic's scheduled calls to the number (deletes their schedules).
  'add-opt-out': ['table:read', 'table:write', 'schedule:delete'],
  'remove-opt-out': ['table:read', 'table:write'],
  // The knowledge base (docs/knowledge-base.md): only these handlers touch the knowledge bucket.
  'list-knowledge': ['table:read'],
  // Moves the upload to sources/ (head, copy, delete), writes the source, queues a sync.
  'add-knowledge-source': ['table:read', 'table:write', 'knowledge-files:manage', 'knowledge-sync:invoke'],
  // Signs a PUT under uploads/ and writes the upload record.
  'create-knowledge-upload': ['table:read', 'table:write', 'knowledge-files:upload'],
  // Hides the source, deletes its document, queues a sync.
  'remove-knowledge-source': ['table:read', 'table:write', 'knowledge-sync:invoke'],
  'sync-knowledge-now': ['table:read', 'knowledge-sync:invoke'],
  // Reads sources and documents, sends them to the clinic's provider in the account it calls through (the platform's
  // Retell or Vapi key, or the clinic's own key) and attaches the base to the clinic's agent / assistant.
  'sync-knowledge': ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'knowledge-files:sync'],
  // Answers the API description built from the shared schemas: no AWS resource at all.
  'get-openapi': [],
};

/** Per-handler permissions, handler name → permissions (the shape of {@link HANDLER_PERMISSIONS}). */
export type PermissionMap = { readonly [handler: string]: readonly Permission[] };

/**
 * The permissions a handler gets: its entry in `map`.
 * @throws Error when the handler has no entry (fail closed: synth stops rather than deploy a guessed grant).
 */
export function permissionsFor(handler: string, map: PermissionMap = HANDLER_PERMISSIONS): readonly Permission[] {
  const permissions = Object.hasOwn(map, handler) ? map[handler] : undefined;
  if (!permissions) {
    throw new Error(`Handler "${handler}" has no entry in HANDLER_PERMISSIONS (infra/src/functions/permissions.ts): add the permissions its code path needs`);
  }
  return permissions;
}

/**
 * What every handler of a `staff` or `admin` route gets besides its entry: the shared HTTP middleware writes once per
 * API-key request (`backend/src/handlers/http/api-key-use.ts`), whatever else the route does — a route added to the
 * table gets it without an edit here.
 */
export const TOKEN_ROUTE_PERMISSIONS: readonly Permission[] = ['table:record-key-use'];

/** Handlers that serve a `staff` or `admin` route (the token authorizer runs before them). */
const TOKEN_ROUTE_HANDLERS = new Set<string>(API_ROUTES.filter(isTokenRoute).map((route) => route.handler));

/**
 * Everything a handler's role is granted: its entry ({@link permissionsFor}) plus {@link TOKEN_ROUTE_PERMISSIONS} when
 * it serves a token route.
 * @throws Error when the handler has no entry (fail closed).
 */
export function grantedPermissions(handler: string, map: PermissionMap = HANDLER_PERMISSIONS): readonly Permission[] {
  const own = permissionsFor(handler, map);
  return TOKEN_ROUTE_HANDLERS.has(handler) ? [...own, ...TOKEN_ROUTE_PERMISSIONS] : own;
}

/**
 * DynamoDB item actions of `table:read` — keyed reads only: the access patterns are served by keys and indexes,
 * so no function may Scan. `Query` is also granted on each index of `TABLE_DESIGN`, by its exact ARN.
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
/**
 * DynamoDB item actions added by `table:write`. `TransactWriteItems` is authorized per contained item action
 * (Put/Update/Delete/ConditionCheck), so it needs no action of its own. No table-level action (DeleteTable, …).
 */
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** Secrets Manager actions of `clinic-secrets:write` (what `SecretsManagerStore` sends). */
export const CLINIC_SECRET_ACTIONS = [
  'secretsmanager:CreateSecret',
  'secretsmanager:PutSecretValue',
  'secretsmanager:GetSecretValue',
  'secretsmanager:DeleteSecret',
];

/**
 * S3 actions and key prefixes of the `knowledge-files:*` permissions (object ARNs `<bucket>/<prefix>*`).
 * `listBucket`: also s3:ListBucket on the bucket itself. A handler that HEADs a key that may be missing needs it: without
 * it S3 answers 403 instead of 404 for a missing object
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html), so an upload that never arrived would look
 * like a permission error.
 */
export const KNOWLEDGE_FILE_GRANTS: Partial<Record<Permission, { actions: string[]; prefixes: string[]; listBucket?: true }>> = {
  'knowledge-files:upload': { actions: ['s3:PutObject'], prefixes: ['uploads/'] },
  'knowledge-files:manage': { actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], prefixes: ['uploads/', 'sources/'], listBucket: true },
  'knowledge-files:sync': { actions: ['s3:GetObject', 's3:DeleteObject'], prefixes: ['sources/'] },
};

/** The scheduler actions granted by the `schedule:*` permissions. */
export const SCHEDULE_ACTIONS: Partial<Record<Permission, string>> = {
  'schedule:create': 'scheduler:CreateSchedule',
  'schedule:delete': 'scheduler:DeleteSchedule',
};
