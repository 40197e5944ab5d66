import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { RECONCILE_SCHEDULE_EXPRESSION } from '@vfc/shared/ops/observability';
import type { StageConfig } from '../config/stage-config.js';

/**
 * Recurring schedules: handler name → how often EventBridge Scheduler invokes it (a `rate(...)`/`cron(...)`
 * expression, UTC). Add a line here for another periodic job and the stack creates the schedule, its role and its
 * DLQ wiring. The local stack runs the same jobs (`backend/src/local/*-schedule.ts`).
 */
export const RECURRING_SCHEDULES: readonly { readonly handler: string; readonly expression: string; readonly description: string }[] = [
  { handler: 'agent-sync', expression: 'rate(6 hours)', description: 'Sync and audit the Retell voice agents' },
  {
    handler: 'reconcile',
    expression: RECONCILE_SCHEDULE_EXPRESSION, // every 5 minutes
    description: 'Resolve calls stuck by a crash or a lost webhook; free abandoned provider slots',
  },
];

/** Retries EventBridge Scheduler makes before a delivery goes to the dead-letter queue (0–185). */
export const SCHEDULE_RETRY_ATTEMPTS = 3;
/** How long Scheduler keeps retrying an undelivered invocation (60 s – 24 h). */
export const SCHEDULE_MAX_EVENT_AGE = Duration.hours(1);

export interface CallSchedulingProps {
  readonly config: StageConfig;
  /** Physical name of the dialer function (fixed per stage), so its ARN is known without referencing the function. */
  readonly dialerFunctionName: string;
}

/**
 * EventBridge Scheduler resources for the one-time call schedules that handlers create at run time:
 * the call schedule group, the role Scheduler assumes to invoke the dialer (nothing else), and the SQS
 * dead-letter queue for deliveries that fail after retries. Also the recurring schedules (agent sync, reconcile).
 */
export class CallScheduling extends Construct {
  readonly group: scheduler.ScheduleGroup;
  readonly recurringGroup: scheduler.ScheduleGroup;
  readonly schedulerRole: iam.Role;
  /** Role of the recurring schedules (may invoke only the recurring handlers' functions). */
  readonly recurringRole: iam.Role;
  readonly deadLetterQueue: sqs.Queue;
  /** ARN of the dialer function, built from its fixed name (`DIALER_TARGET_ARN`). */
  readonly dialerArn: string;
  /** ARN pattern of every schedule in the call group: `arn:…:scheduler:<region>:<account>:schedule/<group>/*`. */
  readonly callSchedulesArn: string;

  constructor(scope: Construct, id: string, props: CallSchedulingProps) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    const removalPolicy = config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.group = new scheduler.ScheduleGroup(this, 'CallGroup', {
      scheduleGroupName: `${config.prefix}-calls`,
      removalPolicy,
    });
    this.recurringGroup = new scheduler.ScheduleGroup(this, 'RecurringGroup', {
      scheduleGroupName: `${config.prefix}-recurring`,
      removalPolicy,
    });
    this.callSchedulesArn = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    this.dialerArn = stack.formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: props.dialerFunctionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      queueName: `${config.prefix}-scheduler-dlq`,
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy,
    });
    NagSuppressions.addResourceSuppressions(this.deadLetterQueue, [
      {
        id: 'AwsSolutions-SQS3',
        // Justification: this queue IS the dead-letter queue (of EventBridge Scheduler deliveries); a DLQ of a DLQ
        // would only move the same messages again. The "not empty" alarm watches it.
        reason: 'This queue is itself the dead-letter queue for Scheduler deliveries, watched by an alarm.',
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        // Justification: the same as AwsSolutions-SQS3 in the Serverless pack: this is Scheduler's dead-letter queue;
        // its messages are replayed by `ops redrive-failed`, never moved to yet another queue.
        reason: 'This queue is the Scheduler dead-letter queue itself; replayed by ops redrive-failed, watched by alarms.',
      },
    ]);

    // The role every run-time call schedule names: Scheduler may assume it (for our account's schedules only)
    // to invoke the dialer and to send undeliverable events to the DLQ — and nothing else.
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to invoke the dialer for call schedules',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        // Only on behalf of OUR call schedules (confused-deputy protection: account and schedule ARN).
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': this.callSchedulesArn } },
      }),
    });
    this.schedulerRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.dialerArn] }),
    );
    this.schedulerRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );

    this.recurringRole = new iam.Role(this, 'RecurringRole', {
      description: 'Assumed by EventBridge Scheduler to invoke the recurring jobs (agent sync, reconcile)',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule',
              resourceName: `${this.recurringGroup.scheduleGroupName}/*`,
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            }),
          },
        },
      }),
    });
  }

  /** Creates the recurring schedule of `fn` (one of {@link RECURRING_SCHEDULES}), with retries and the DLQ. */
  addRecurring(handler: string, fn: lambda.IFunction): scheduler.Schedule {
    const spec = RECURRING_SCHEDULES.find((s) => s.handler === handler);
    if (!spec) throw new Error(`No recurring schedule for ${handler}`);
    const schedule = new scheduler.Schedule(this, `Recurring-${handler}`, {
      scheduleGroup: this.recurringGroup,
      schedule: scheduler.ScheduleExpression.expression(spec.expression),
      description: spec.description,
      target: new targets.LambdaInvoke(fn, {
        role: this.recurringRole,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
        maxEventAge: SCHEDULE_MAX_EVENT_AGE,
      }),
    });
    // After the target has added its statements: suppressions apply to the children that exist when added.
    NagSuppressions.addResourceSuppressions(
      this.recurringRole,
      [
        {
          id: 'AwsSolutions-IAM5',
          // Justification: CDK's LambdaInvoke target grants lambda:InvokeFunction on the function and its
          // versions/aliases (`<arn>:*`) — still only this one function.
          reason: 'lambda:InvokeFunction on this one function and its versions/aliases (CDK grantInvoke).',
          appliesTo: [{ regex: '/^Resource::<.*\\.Arn>:\\*$/' }],
        },
      ],
      true,
    );
    return schedule;
  }
}
