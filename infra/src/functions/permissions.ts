/**
 * What each Lambda function may do, by handler name — the single place least privilege is decided.
 * The stateless stack turns each {@link Permission} into IAM statements scoped to our own resources.
 */
export type Permission =
  /** GetItem/Query/BatchGet on the table and its indexes. */
  | 'table:read'
  /** Read plus Put/Update/Delete item, transactions (never table-level actions such as DeleteTable). */
  | 'table:write'
  /** GetSecretValue/DescribeSecret on the Retell API key secret only. */
  | 'secret:read'
  /** scheduler:CreateSchedule in the call schedule group. */
  | 'schedule:create'
  /** scheduler:UpdateSchedule in the call schedule group. */
  | 'schedule:update'
  /** scheduler:GetSchedule in the call schedule group. */
  | 'schedule:get'
  /** scheduler:DeleteSchedule in the call schedule group. */
  | 'schedule:delete'
  /** iam:PassRole of the scheduler's invoke role only, and only to scheduler.amazonaws.com. */
  | 'scheduler-role:pass';

/** Permissions of a handler that has no entry in {@link HANDLER_PERMISSIONS} (admin routes added later). */
export const DEFAULT_PERMISSIONS: readonly Permission[] = ['table:read', 'table:write', 'secret:read'];

/**
 * Per-handler permissions. A test checks that every route of `API_ROUTES` and every scheduled handler has an entry;
 * an unmapped handler still deploys with {@link DEFAULT_PERMISSIONS}.
 */
export const HANDLER_PERMISSIONS: { readonly [handler: string]: readonly Permission[] } = {
  'create-call': ['table:read', 'table:write', 'schedule:create', 'scheduler-role:pass'],
  'list-calls': ['table:read'],
  'get-call': ['table:read'],
  'get-clinic': ['table:read'],
  'cancel-call': ['table:read', 'table:write', 'schedule:delete'],
  'reschedule-call': ['table:read', 'table:write', 'schedule:update', 'schedule:get', 'scheduler-role:pass'],
  'retell-webhook': ['table:read', 'table:write', 'secret:read', 'schedule:create', 'scheduler-role:pass'],
  dialer: [
    'table:read',
    'table:write',
    'secret:read',
    'schedule:create',
    'schedule:update',
    'schedule:delete',
    'scheduler-role:pass',
  ],
  'agent-sync': ['table:read', 'table:write', 'secret:read'],
  // The authorizer only looks up API tokens by hash.
  authorizer: ['table:read'],
  // Agent registry admin routes (issue 4). Those that may call Retell get the secret; read-only ones only read.
  'sync-agents': ['table:read', 'table:write', 'secret:read'],
  'list-agents': ['table:read'],
  'audit-agents': ['table:read', 'secret:read'],
  'cleanup-orphaned-agents': ['table:read', 'table:write', 'secret:read'],
  'list-voices': ['table:read', 'secret:read'],
  'get-clinic-agent': ['table:read'],
  'update-clinic-agent': ['table:read', 'table:write', 'secret:read'],
  // Clinic settings and opt-out admin routes: table only (they never call Retell).
  'get-clinic-settings': ['table:read'],
  'update-clinic-settings': ['table:read', 'table:write'],
  'list-opt-outs': ['table:read'],
  'add-opt-out': ['table:read', 'table:write'],
  'remove-opt-out': ['table:read', 'table:write'],
};

/** The permissions a handler gets: its mapped entry, else {@link DEFAULT_PERMISSIONS}. */
export function permissionsFor(handler: string): readonly Permission[] {
  return HANDLER_PERMISSIONS[handler] ?? DEFAULT_PERMISSIONS;
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

/** The scheduler actions granted by the `schedule:*` permissions. */
export const SCHEDULE_ACTIONS: Partial<Record<Permission, string>> = {
  'schedule:create': 'scheduler:CreateSchedule',
  'schedule:update': 'scheduler:UpdateSchedule',
  'schedule:get': 'scheduler:GetSchedule',
  'schedule:delete': 'scheduler:DeleteSchedule',
};
