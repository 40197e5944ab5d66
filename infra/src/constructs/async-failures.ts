import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';

/**
 * How Lambda handles a failed ASYNCHRONOUS run of each function EventBridge Scheduler invokes (Scheduler calls Lambda
 * with `InvocationType=Event`: its own retry policy and dead-letter queue cover only handing the event to Lambda), and
 * of `apply-provider-event`, which the webhook invokes the same way.
 * Lambda then retries a run that threw `retryAttempts` times and keeps an event that waits (throttled by the reserved
 * concurrency) at most `maxEventAge`; after that the event goes to the on-failure queue with the error
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html), never dropped.
 */
export const ASYNC_INVOKE_POLICY: Readonly<Record<string, { readonly retryAttempts: number; readonly maxEventAge: Duration }>> = {
  // A dial run is idempotent (it claims the attempt with a conditional write): retried twice; an hour is long enough
  // to wait out a throttle, and the reconciler picks up a call that is still overdue after that.
  dialer: { retryAttempts: 2, maxEventAge: Duration.hours(1) },
  // Runs every 5 minutes: a failed run is recorded, not retried (the next run is the retry); no older than one period.
  reconcile: { retryAttempts: 0, maxEventAge: Duration.minutes(5) },
  // Every 6 hours, reads Retell before writing anything: retrying twice within the hour is safe.
  'agent-sync': { retryAttempts: 2, maxEventAge: Duration.hours(1) },
  // A verified webhook event handed over by the webhook: applying it is idempotent (conditional writes, dedupe keys);
  // Retell's own redelivery and the reconciler cover what still fails after an hour.
  'apply-provider-event': { retryAttempts: 2, maxEventAge: Duration.hours(1) },
  // A knowledge sync is idempotent (content hashes, one lease per clinic): retried twice; the next change or "Sync now"
  // covers what still fails.
  'sync-knowledge': { retryAttempts: 2, maxEventAge: Duration.hours(1) },
};

/**
 * The on-failure destination of every asynchronously invoked function: one encrypted SQS queue that receives, for each
 * event Lambda gave up on, a record with the original event (`requestPayload`), the error and the function ARN.
 * `ops redrive-failed` re-invokes the records (see infra/README.md, "When a scheduled run fails").
 */
export class AsyncFailures extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: { readonly config: StageConfig }) {
    super(scope, id);
    const { config } = props;
    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: `${config.prefix}-async-failures`,
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    NagSuppressions.addResourceSuppressions(this.queue, [
      {
        id: 'AwsSolutions-SQS3',
        // Justification: this queue is itself the last stop of failed runs (Lambda's on-failure destination); a
        // dead-letter queue behind it would only move the same records again. Two alarms watch it.
        reason: 'This queue is the on-failure destination of failed async runs, watched by depth and age alarms.',
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        // Justification: the same as AwsSolutions-SQS3 in the Serverless pack: this queue is the last stop of failed
        // runs; records leave it only by `ops redrive-failed`, which deletes each one after Lambda accepted it.
        reason: 'This queue is the on-failure destination itself; records leave it only through ops redrive-failed.',
      },
    ]);
  }

  /** Sets `fn`'s event-invoke config: {@link ASYNC_INVOKE_POLICY} of `handler`, failures to {@link queue}. */
  attach(handler: string, fn: lambda.IFunction): void {
    const policy = ASYNC_INVOKE_POLICY[handler];
    if (!policy) throw new Error(`No asynchronous invocation policy for ${handler} (ASYNC_INVOKE_POLICY)`);
    fn.configureAsyncInvoke({ ...policy, onFailure: new SqsDestination(this.queue) });
  }
}
