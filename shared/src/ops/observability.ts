/**
 * Names shared by the backend (which emits them) and the CDK stack (which alarms on them).
 * Metrics are CloudWatch EMF metrics written by Powertools Metrics in namespace {@link METRICS_NAMESPACE}.
 */
export const METRICS_NAMESPACE = 'VetFollowupCalls';
export const SERVICE_NAME = 'vet-followup-calls';
export const METRIC = {
  /** Count of webhook requests refused for a bad, missing or stale `x-retell-signature`. */
  webhookSignatureRejected: 'WebhookSignatureRejected',
  /** Agent registry health score after each audit, 0–100 (unit: none). */
  agentHealthScore: 'AgentHealthScore',
  /** Calls handed to Retell. */
  callsDialed: 'CallsDialed',
  /** Dial attempts deferred because the provider was at its concurrency limit. */
  dialsDeferred: 'DialsDeferred',
  /** After each reconcile run: how long the earliest call waiting for a provider slot has waited (s; 0 = nobody waits). */
  dialLineOldestWaitSeconds: 'DialLineOldestWaitSeconds',
  /** After each reconcile run: calls waiting for a provider slot. */
  dialLineLength: 'DialLineLength',
  /** After each reconcile run: provider slots held. */
  slotsInUse: 'SlotsInUse',
  /** Call writes refused because their status move is not in the call state machine's transition table. */
  illegalCallTransition: 'IllegalCallTransition',
} as const;

/** Handlers that are not HTTP routes: invoked by EventBridge Scheduler. */
export const SCHEDULED_HANDLERS = ['dialer', 'agent-sync', 'reconcile'] as const;

/**
 * Handlers invoked asynchronously by another handler (Lambda `InvocationType: 'Event'`): `apply-provider-event`
 * applies a verified provider webhook after the webhook has answered; `sync-knowledge` syncs a clinic's knowledge base
 * after a change.
 */
export const ASYNC_HANDLERS = ['apply-provider-event', 'sync-knowledge'] as const;

/** How often the reconciler runs (EventBridge Scheduler expression): finds calls stuck by a crash or a lost webhook. */
export const RECONCILE_SCHEDULE_EXPRESSION = 'rate(5 minutes)';

/**
 * Environment variables the Lambda handlers read (set by the CDK stack; by the local stack when run locally).
 * - `TABLE_NAME`: the DynamoDB table. `SCHEDULE_GROUP_NAME`: the Scheduler group for call schedules.
 * - `DIALER_TARGET_ARN`: ARN of the dialer Lambda (schedule target). `SCHEDULER_ROLE_ARN`: role the scheduler assumes.
 * - `SCHEDULER_DLQ_ARN`: SQS dead-letter queue for failed deliveries (optional locally).
 * - `RETELL_API_KEY_SECRET_ARN` (AWS) or `RETELL_API_KEY` (local); `RETELL_BASE_URL` (simulator only).
 * - `RETELL_CONCURRENCY_LIMIT`: concurrent calls the Retell workspace allows (default 20).
 * - `PROVIDER_EVENT_FUNCTION_ARN`: ARN of the `apply-provider-event` function the webhook invokes asynchronously.
 * - `KNOWLEDGE_BUCKET`: the S3 bucket of knowledge documents. `KNOWLEDGE_SYNC_FUNCTION_ARN`: the `sync-knowledge` function.
 * - `KNOWLEDGE_STATUS_READ_MS`: wait between two reads of a knowledge base's indexing status (ms; default 2000).
 * - `DYNAMODB_ENDPOINT`, `SCHEDULER_ENDPOINT`, `LAMBDA_ENDPOINT`, `S3_ENDPOINT`: local emulators only.
 */
export const HANDLER_ENV = [
  'TABLE_NAME',
  'SCHEDULE_GROUP_NAME',
  'DIALER_TARGET_ARN',
  'SCHEDULER_ROLE_ARN',
  'SCHEDULER_DLQ_ARN',
  'RETELL_API_KEY_SECRET_ARN',
  'RETELL_API_KEY',
  'RETELL_BASE_URL',
  'RETELL_CONCURRENCY_LIMIT',
  'PROVIDER_EVENT_FUNCTION_ARN',
  'VAPI_WEBHOOK_SECRET_ARN',
  'VAPI_WEBHOOK_SECRET',
  'CLINIC_SECRET_PREFIX',
  'VAPI_API_KEY',
  'VAPI_BASE_URL',
  'VAPI_CONCURRENCY_LIMIT',
  'LOCAL_SECRET_STORE',
  'KNOWLEDGE_BUCKET',
  'KNOWLEDGE_SYNC_FUNCTION_ARN',
  'KNOWLEDGE_STATUS_READ_MS',
  'S3_ENDPOINT',
] as const;
