import { ArnFormat, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { API_KEY_KEY_PREFIX, PERSON_KEY_PREFIX, TABLE_DESIGN, TOKEN_KEY_PREFIX } from '@vfc/shared/storage/table-design';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';
import { ASYNC_HANDLERS, SCHEDULED_HANDLERS } from '@vfc/shared/ops/observability';
import { Alarms } from '../constructs/alarms.js';
import { AsyncFailures } from '../constructs/async-failures.js';
import { CallScheduling, RECURRING_SCHEDULES } from '../constructs/call-scheduling.js';
import { API_ROUTES } from '@vfc/shared/api/routes';
import { HttpApi, WEBHOOK_ROUTE } from '../constructs/http-api.js';
import { AUTHORIZER_HANDLER, handlerNames } from '../functions/handler-catalog.js';
import { HandlerFunction, functionNameFor } from '../functions/handler-function.js';
import {
  CLINIC_SECRET_ACTIONS,
  KNOWLEDGE_FILE_GRANTS,
  SCHEDULE_ACTIONS,
  TABLE_READ_ACTIONS,
  TABLE_WRITE_ACTIONS,
  HANDLER_PERMISSIONS,
  grantedPermissions,
  type Permission,
  type PermissionMap,
} from '../functions/permissions.js';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: dynamodb.ITable;
  readonly retellApiKeySecret: secretsmanager.ISecret;
  readonly vapiWebhookSecret: secretsmanager.ISecret;
  /** The platform's Vapi private key (read by the functions that place, check or sync Vapi calls and assistants). */
  readonly vapiApiKeySecret: secretsmanager.ISecret;
  /** The knowledge documents' bucket (stateful stack). */
  readonly knowledgeBucket: s3.IBucket;
  /** Per-handler permissions; {@link HANDLER_PERMISSIONS} unless a test swaps it. A handler missing from it fails synth. */
  readonly handlerPermissions?: PermissionMap;
  /**
   * Staff sign-in (the stateful stack's user pool): the authorizer accepts access tokens of this issuer and app client
   * (`OIDC_ISSUER`, `OIDC_CLIENT_ID`). Without it only API keys are accepted.
   */
  readonly signIn?: { readonly issuer: string; readonly clientId: string };
}

/** Run time limits of handlers that need more than the default 15 s. */
const TIMEOUTS: Readonly<Record<string, Duration>> = {
  dialer: Duration.seconds(30),
  // Verify, one receipt write, one asynchronous invoke: answers within 2 s; Retell waits 10 s, then redelivers.
  'retell-webhook': Duration.seconds(10),
  // A call_ended frees a provider slot and the next waiting call is dialled (Retell answers within 15 s).
  'apply-provider-event': Duration.seconds(30),
  // The same hand-over for Vapi's server messages (Vapi's own server-URL timeout is 20 s by default).
  'vapi-webhook': Duration.seconds(10),
  'agent-sync': Duration.minutes(2),
  // Sends each changed source and follows the provider's indexing (up to 2 minutes per source).
  'sync-knowledge': Duration.minutes(15),
  // Walks the last 3 days of open calls of every clinic and may dial; well under its 5-minute period.
  reconcile: Duration.minutes(2),
};

/**
 * Reserved concurrency by handler (the rest share the account's unreserved pool): the dialer is bounded by the provider
 * slots it can use; reconcile and agent-sync run one at a time (a run never overlaps the previous one); each provider
 * webhook keeps capacity of its own, and a flood of requests to it cannot take the API's.
 */
function reservedConcurrency(config: StageConfig): Readonly<Record<string, number>> {
  return {
    dialer: config.dialerConcurrency,
    reconcile: 1,
    'agent-sync': 1,
    'retell-webhook': config.webhookConcurrency,
    'vapi-webhook': config.webhookConcurrency,
  };
}

/**
 * Everything that can be replaced without losing data: one Lambda function per handler (each with only the
 * permissions of `permissions.ts`), the HTTP API, the Scheduler group / role / dead-letter queue, the recurring
 * agent-sync and reconcile schedules, and the alarms.
 */
export class StatelessStack extends Stack {
  readonly functions = new Map<string, HandlerFunction>();
  readonly scheduling: CallScheduling;
  readonly httpApi: HttpApi;
  readonly alarms: Alarms;
  readonly asyncFailures: AsyncFailures;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, retellApiKeySecret } = props;
    // A table restored from a backup is swapped in by configuration (`-c tableName=…`), without a code change.
    const table = config.tableName ? dynamodb.Table.fromTableName(this, 'RestoredTable', config.tableName) : props.table;

    this.scheduling = new CallScheduling(this, 'Scheduling', {
      config,
      dialerFunctionName: functionNameFor(config, 'dialer'),
    });
    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      SCHEDULE_GROUP_NAME: this.scheduling.group.scheduleGroupName,
      DIALER_TARGET_ARN: this.scheduling.dialerArn,
      SCHEDULER_ROLE_ARN: this.scheduling.schedulerRole.roleArn,
      SCHEDULER_DLQ_ARN: this.scheduling.deadLetterQueue.queueArn,
      RETELL_API_KEY_SECRET_ARN: retellApiKeySecret.secretArn,
      VAPI_WEBHOOK_SECRET_ARN: props.vapiWebhookSecret.secretArn,
      VAPI_API_KEY_SECRET_ARN: props.vapiApiKeySecret.secretArn,
      VAPI_CONCURRENCY_LIMIT: String(config.vapiConcurrencyLimit ?? 10),
      CLINIC_SECRET_PREFIX: config.prefix,
      RETELL_CONCURRENCY_LIMIT: String(config.retellConcurrencyLimit),
      PROVIDER_EVENT_FUNCTION_ARN: this.providerEventFunctionArn(config),
      KNOWLEDGE_BUCKET: props.knowledgeBucket.bucketName,
      KNOWLEDGE_SYNC_FUNCTION_ARN: this.functionArn(config, 'sync-knowledge'),
    };

    const reserved = reservedConcurrency(config);
    // Checked by the webhook before the signature (backend/src/handlers/http/source-allowlist.ts); none = no check.
    const webhookEnvironment: Record<string, string> = config.webhookSourceCidrs.length
      ? { WEBHOOK_SOURCE_CIDRS: config.webhookSourceCidrs.join(',') }
      : {};
    for (const handler of handlerNames()) {
      const permissions = grantedPermissions(handler, props.handlerPermissions ?? HANDLER_PERMISSIONS);
      const signInEnvironment: Record<string, string> =
        handler === AUTHORIZER_HANDLER && props.signIn ? { OIDC_ISSUER: props.signIn.issuer, OIDC_CLIENT_ID: props.signIn.clientId } : {};
      const fn = new HandlerFunction(this, `Fn-${handler}`, {
        handler,
        config,
        environment: { ...environment, ...(handler === 'retell-webhook' ? webhookEnvironment : {}), ...signInEnvironment },
        ...(TIMEOUTS[handler] ? { timeout: TIMEOUTS[handler] } : {}),
        ...(reserved[handler] ? { reservedConcurrentExecutions: reserved[handler] } : {}),
      });
      this.grant(fn, permissions, { ...props, table });
      this.functions.set(handler, fn);
    }

    // Scheduler (and the webhook) invoke these asynchronously: a run that fails after Lambda's retries lands in one queue.
    this.asyncFailures = new AsyncFailures(this, 'AsyncFailures', { config });
    for (const handler of [...SCHEDULED_HANDLERS, ...ASYNC_HANDLERS]) this.asyncFailures.attach(handler, this.fn(handler).fn);

    for (const { handler } of RECURRING_SCHEDULES) {
      this.scheduling.addRecurring(handler, this.fn(handler).fn);
    }

    this.httpApi = new HttpApi(this, 'Http', {
      config,
      functions: new Map([...this.functions].map(([name, f]) => [name, f.fn])),
      authorizerFunction: this.fn(AUTHORIZER_HANDLER).fn,
    });
    // Saving a clinic's Vapi settings writes our webhook URL (and the HMAC credential id) into its assistant.
    const vapiWebhookRoute = API_ROUTES.find((route) => route.handler === 'vapi-webhook');
    // The agent registry's Vapi side (sync, audit, clean-up, editor) compares and rewrites the same managed fields.
    for (const name of ['update-clinic-voice', 'agent-sync', 'sync-agents', 'audit-agents', 'cleanup-orphaned-agents', 'get-clinic-agent', 'update-clinic-agent']) {
      const fn = this.fn(name).fn;
      fn.addEnvironment('VAPI_SERVER_URL', `${this.httpApi.url}${vapiWebhookRoute?.path.replace(/^\//, '') ?? ''}`);
      if (config.vapiServerCredentialId) fn.addEnvironment('VAPI_SERVER_CREDENTIAL_ID', config.vapiServerCredentialId);
    }
    // Saving a clinic's own Retell key points the follow-up agent in its workspace at our Retell webhook.
    const retellWebhookRoute = API_ROUTES.find((route) => route.handler === 'retell-webhook');
    this.fn('update-clinic-voice').fn.addEnvironment('RETELL_WEBHOOK_URL', `${this.httpApi.url}${retellWebhookRoute?.path.replace(/^\//, '') ?? ''}`);

    this.alarms = new Alarms(this, 'Alarms', {
      config,
      deadLetterQueue: this.scheduling.deadLetterQueue,
      asyncFailureQueue: this.asyncFailures.queue,
      functions: new Map([...this.functions].map(([name, f]) => [name, f.fn])),
      httpApi: this.httpApi.api,
      table,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url, description: 'Base URL of the HTTP API (extension setting)' });
    new CfnOutput(this, 'RetellWebhookUrl', {
      value: `${this.httpApi.url}${WEBHOOK_ROUTE?.path.replace(/^\//, '') ?? ''}`,
      description: "Paste into Retell's webhook URL (agent or account level)",
    });
    const vapiWebhook = API_ROUTES.find((route) => route.handler === 'vapi-webhook');
    new CfnOutput(this, 'VapiWebhookUrl', {
      value: `${this.httpApi.url}${vapiWebhook?.path.replace(/^\//, '') ?? ''}`,
      description: "Vapi's server URL (with the credential of the VapiWebhookSecret)",
    });
    new CfnOutput(this, 'ScheduleGroupName', {
      value: this.scheduling.group.scheduleGroupName,
      description: 'EventBridge Scheduler group of the call schedules',
    });
    new CfnOutput(this, 'SchedulerDeadLetterQueueUrl', {
      value: this.scheduling.deadLetterQueue.queueUrl,
      description: 'Undeliverable scheduled invocations land here',
    });
    new CfnOutput(this, 'AsyncFailureQueueUrl', {
      value: this.asyncFailures.queue.queueUrl,
      description: 'Runs of the dialer, reconcile and agent-sync that failed after retries (ops redrive-failed)',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'SNS topic of the alarms' });
  }

  /** ARN of the `apply-provider-event` function, built from its fixed name (no reference cycle through the environment). */
  private providerEventFunctionArn(config: StageConfig): string {
    return this.functionArn(config, 'apply-provider-event');
  }

  /** ARN of a handler's function, built from its fixed name (no reference cycle through the environment). */
  private functionArn(config: StageConfig, handler: string): string {
    return Stack.of(this).formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: functionNameFor(config, handler),
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** The function of a handler; throws if the handler is not deployed. */
  fn(handler: string): HandlerFunction {
    const fn = this.functions.get(handler);
    if (!fn) throw new Error(`No function for handler ${handler}`);
    return fn;
  }

  private grant(fn: HandlerFunction, permissions: readonly Permission[], props: StatelessStackProps & { table: dynamodb.ITable }): void {
    const has = (p: Permission) => permissions.includes(p);
    const tableActions = [...(has('table:read') || has('table:write') ? TABLE_READ_ACTIONS : []), ...(has('table:write') ? TABLE_WRITE_ACTIONS : [])];
    if (tableActions.length > 0) {
      fn.role.addToPolicy(new iam.PolicyStatement({ actions: tableActions, resources: [props.table.tableArn] }));
      fn.role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: TABLE_DESIGN.indexes.map((index) => `${props.table.tableArn}/index/${index.indexName}`),
        }),
      );
    }
    if (has('table:read-tokens')) {
      fn.role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:GetItem'],
          resources: [props.table.tableArn],
          // Only items whose partition key is a token's: the authorizer cannot read a call, a clinic or a phone number.
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${TOKEN_KEY_PREFIX}*`] } },
        }),
      );
    }
    // One conditional UpdateItem each, on their own kind of item only (the partition key's prefix).
    const updateOnly = (prefix: string) =>
      new iam.PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${prefix}*`] } },
      });
    if (has('table:record-people')) fn.role.addToPolicy(updateOnly(PERSON_KEY_PREFIX));
    if (has('table:record-key-use')) fn.role.addToPolicy(updateOnly(API_KEY_KEY_PREFIX));
    if (has('secret:read')) props.retellApiKeySecret.grantRead(fn.role);
    if (has('vapi-webhook-secret:read')) props.vapiWebhookSecret.grantRead(fn.role);
    if (has('vapi-key:read')) props.vapiApiKeySecret.grantRead(fn.role);
    if (has('clinic-secrets:read')) {
      const clinicSecrets = `arn:${this.partition}:secretsmanager:${this.region}:${this.account}:secret:${props.config.prefix}/clinic-voice/*`;
      fn.role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [clinicSecrets] }));
      NagSuppressions.addResourceSuppressions(
        fn.role,
        [
          {
            id: 'AwsSolutions-IAM5',
            // Justification: a clinic's own provider key is a secret created at run time when its admin saves it; the
            // functions that place or check its calls read it, so the resource is the clinic-voice/ path of our prefix only.
            reason: 'Per-clinic key secrets are created at run time: read-only, scoped to <prefix>/clinic-voice/* only.',
            appliesTo: [`Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${props.config.prefix}/clinic-voice/*`],
          },
        ],
        true,
      );
    }
    if (has('clinic-secrets:write')) {
      const clinicSecrets = `arn:${this.partition}:secretsmanager:${this.region}:${this.account}:secret:${props.config.prefix}/clinic-voice/*`;
      fn.role.addToPolicy(new iam.PolicyStatement({ actions: CLINIC_SECRET_ACTIONS, resources: [clinicSecrets] }));
      NagSuppressions.addResourceSuppressions(
        fn.role,
        [
          {
            id: 'AwsSolutions-IAM5',
            // Justification: one secret per clinic, created at run time when an admin saves its own key, so the
            // resource is every secret under our prefix's clinic-voice/ path only (the name is fixed by clinicSecretName).
            reason: 'Per-clinic key secrets are created at run time: scoped to <prefix>/clinic-voice/* only.',
            appliesTo: [`Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${props.config.prefix}/clinic-voice/*`],
          },
        ],
        true,
      );
    }

    const scheduleActions = permissions.flatMap((p) => SCHEDULE_ACTIONS[p] ?? []);
    if (scheduleActions.length > 0) {
      fn.role.addToPolicy(
        new iam.PolicyStatement({ actions: scheduleActions, resources: [this.scheduling.callSchedulesArn] }),
      );
      NagSuppressions.addResourceSuppressions(
        fn.role,
        [
          {
            id: 'AwsSolutions-IAM5',
            // Justification: call schedules are named at run time (one per call attempt), so the resource is every
            // schedule of OUR call group only — never other groups; the actions are only those this handler uses.
            reason: 'Schedules are created per call at run time: scoped to schedules of the call group only.',
            appliesTo: [`Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.scheduling.group.scheduleGroupName}/*`],
          },
        ],
        true,
      );
    }
    if (has('provider-event:invoke')) {
      fn.role.addToPolicy(
        new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.providerEventFunctionArn(props.config)] }),
      );
    }
    if (has('knowledge-sync:invoke')) {
      fn.role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.functionArn(props.config, 'sync-knowledge')] }));
    }
    for (const permission of permissions) {
      const grant = KNOWLEDGE_FILE_GRANTS[permission];
      if (!grant) continue;
      const resources = grant.prefixes.map((prefix) => props.knowledgeBucket.arnForObjects(`${prefix}*`));
      fn.role.addToPolicy(new iam.PolicyStatement({ actions: grant.actions, resources }));
      if (grant.listBucket) fn.role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.knowledgeBucket.bucketArn] }));
      NagSuppressions.addResourceSuppressions(
        fn.role,
        [
          {
            id: 'AwsSolutions-IAM5',
            // Justification: object keys are made at run time (one per clinic, upload and source), so the resource is
            // the bucket's uploads/ or sources/ prefix only, with only the object actions this handler sends.
            reason: 'Knowledge documents are keyed per clinic and source at run time: scoped to the uploads/ or sources/ prefix only.',
            appliesTo: [{ regex: '/^Resource::.*KnowledgeBucket.*Arn.*\\/(uploads|sources)\\/\\*$/g' }],
          },
        ],
        true,
      );
    }
    if (has('scheduler-role:pass')) {
      fn.role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [this.scheduling.schedulerRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      );
    }
  }
}
