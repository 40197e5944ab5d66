import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { METRIC, METRICS_NAMESPACE, SERVICE_NAME } from '@vfc/shared/ops/observability';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';

/** The agent registry's health score below which ops are alerted (0–100, emitted after every agent audit). */
export const AGENT_HEALTH_THRESHOLD = 70;
/** Webhook signature failures in 5 minutes that count as a spike (someone probing the public webhook URL). */
export const WEBHOOK_REJECTIONS_SPIKE = 10;

export interface AlarmsProps {
  readonly config: StageConfig;
  /** EventBridge Scheduler's dead-letter queue (deliveries Scheduler could not hand to Lambda). */
  readonly deadLetterQueue: sqs.IQueue;
  /** Lambda's on-failure destination of the scheduler-invoked functions (runs that failed after retries). */
  readonly asyncFailureQueue: sqs.IQueue;
  /** Every function by handler name. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  readonly httpApi: apigw.IHttpApi;
  readonly table: dynamodb.ITable;
}

/** How long the earliest call may wait for a provider slot (s) before ops are paged. */
export const DIAL_LINE_WAIT_ALARM_SECONDS = 900;

/** Oldest message in a failure queue (s) that pages ops even if nobody looked at the depth alarm. */
export const FAILURE_AGE_ALARM_SECONDS = 3600;

/**
 * Alarms that page ops through one SNS topic (the stage's e-mail subscription and/or an existing topic such as a chat
 * integration), and a CloudWatch dashboard of the dispatch path. Custom metrics are Powertools EMF metrics in
 * `METRICS_NAMESPACE` with the default `service` dimension. The list and each threshold are in infra/README.md.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;
  private readonly actions: SnsAction[];
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { config } = props;
    this.prefix = config.prefix;
    const fn = (handler: string) => {
      const f = props.functions.get(handler);
      if (!f) throw new Error(`Alarms: no function ${handler}`);
      return f;
    };

    this.topic = new sns.Topic(this, 'Topic', { topicName: `${config.prefix}-alarms`, enforceSSL: true });
    NagSuppressions.addResourceSuppressions(this.topic, [
      {
        id: 'AwsSolutions-SNS2',
        // Justification: CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed aws/sns key
        // (its key policy cannot grant cloudwatch.amazonaws.com), and alarm texts carry no personal data.
        reason: 'CloudWatch alarms cannot publish to an aws/sns-encrypted topic; alarm messages hold no personal data.',
      },
    ]);
    if (config.alarmEmail) {
      const subscription = new sns.Subscription(this, 'EmailSubscription', {
        topic: this.topic,
        protocol: sns.SubscriptionProtocol.EMAIL,
        endpoint: config.alarmEmail,
      });
      NagSuppressions.addResourceSuppressions(subscription, [
        {
          id: 'Serverless-SNSRedrivePolicy',
          // Justification: a redrive policy keeps messages SNS could not deliver to an SQS/Lambda endpoint; for e-mail
          // the alarm itself is the record: it stays in ALARM in CloudWatch and on the dashboard until it is fixed.
          reason: 'E-mail subscription of alarms: the alarm state stays in CloudWatch and on the dashboard; nothing is lost.',
        },
      ]);
    }
    this.actions = [new SnsAction(this.topic)];
    if (config.alarmTopicArn) this.actions.push(new SnsAction(sns.Topic.fromTopicArn(this, 'ExternalTopic', config.alarmTopicArn)));
    const dimensionsMap = { service: SERVICE_NAME };
    const custom = (metricName: string, statistic: string, period: Duration) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap, period, statistic });
    const fiveMinutes = Duration.minutes(5);

    // Failed work: nothing the scheduler or Lambda gives up on goes unnoticed.
    const queues: [string, sqs.IQueue, string][] = [
      ['scheduler-dlq', props.deadLetterQueue, 'Scheduler could not hand a scheduled call or job to Lambda'],
      ['async-failures', props.asyncFailureQueue, 'A dialer, reconcile or agent-sync run failed after its retries'],
    ];
    for (const [name, queue, what] of queues) {
      this.alarm(`${name}-not-empty`, `${what}: inspect and replay it (infra/README.md, "When a scheduled run fails").`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: 1,
      });
      this.alarm(`${name}-oldest-message`, `${what}, and the oldest record has waited over an hour: nobody has replayed it.`, {
        metric: queue.metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: FAILURE_AGE_ALARM_SECONDS,
      });
    }

    // Errors of the functions that matter most, and of the API as clients see it.
    const errorAlarms: [string, string][] = [
      ['dialer', 'The dialer failed (Lambda retries it twice, then records it in the async-failures queue).'],
      ['retell-webhook', "The Retell webhook failed: Retell redelivers, but outcomes may be late."],
      ['vapi-webhook', 'The Vapi webhook failed: call outcomes from Vapi may be late or missing.'],
      ['authorizer', 'The token authorizer failed: staff requests are refused.'],
      ['reconcile', 'The reconciler failed: stuck calls are not being repaired.'],
    ];
    for (const [handler, description] of errorAlarms) {
      this.alarm(`${handler}-errors`, description, {
        metric: fn(handler).metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
      });
    }
    this.alarm('api-5xx', 'The HTTP API answered 5xx (a handler failed or timed out).', {
      metric: props.httpApi.metricServerError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
    });
    this.alarm('reconcile-not-running', 'The reconciler has not run in 15 minutes (its schedule is every 5): stuck calls stay stuck.', {
      metric: fn('reconcile').metricInvocations({ period: Duration.minutes(15), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      // No data means no run: that is exactly what this alarm is for.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });

    /** The sum of several five-minute metrics, as one alarm metric. */
    const sumOf = (label: string, metrics: Record<string, cloudwatch.IMetric>) =>
      new cloudwatch.MathExpression({ expression: Object.keys(metrics).join(' + '), label, period: fiveMinutes, usingMetrics: metrics });

    // Throttles: the bounded dialer may be throttled in a burst (events wait in Lambda's queue), but not for long.
    this.alarm('lambda-throttles', 'Lambda throttled runs for 15 minutes in a row (account pool or a reserved limit is too small).', {
      metric: new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 3,
    });
    this.alarm('webhook-throttles', 'A webhook function was throttled: provider deliveries are being refused.', {
      metric: sumOf('Webhook throttles', {
        retell: fn('retell-webhook').metricThrottles({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        vapi: fn('vapi-webhook').metricThrottles({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
      }),
      threshold: 1,
    });
    this.alarm('dynamodb-throttles', 'DynamoDB throttled reads or writes of the table.', {
      metric: sumOf('Throttle events', {
        reads: props.table.metric('ReadThrottleEvents', { period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        writes: props.table.metric('WriteThrottleEvents', { period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
      }),
      threshold: 1,
    });

    this.alarm('dial-line-oldest-wait', 'A due call has waited over 15 minutes for a provider slot (the line is not moving).', {
      // Emitted by every reconcile run (every 5 minutes); missing data is covered by reconcile-not-running.
      metric: custom(METRIC.dialLineOldestWaitSeconds, cloudwatch.Stats.MAXIMUM, fiveMinutes),
      threshold: DIAL_LINE_WAIT_ALARM_SECONDS,
    });
    this.alarm('webhook-signature-rejections', `At least ${WEBHOOK_REJECTIONS_SPIKE} Retell webhook requests with a bad signature in 5 minutes.`, {
      metric: custom(METRIC.webhookSignatureRejected, cloudwatch.Stats.SUM, fiveMinutes),
      threshold: WEBHOOK_REJECTIONS_SPIKE,
    });
    this.alarm('agent-health-low', `Retell agent registry health score below ${AGENT_HEALTH_THRESHOLD}, or no score for 12 hours: see the latest agent audit.`, {
      // The score is emitted once per agent sync (every 6 h): two 6-hour periods without one mean the sync is not running.
      metric: custom(METRIC.agentHealthScore, cloudwatch.Stats.MINIMUM, Duration.hours(6)),
      threshold: AGENT_HEALTH_THRESHOLD,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${config.prefix}-dispatch`,
      defaultInterval: Duration.hours(3),
    });
    const minute = Duration.minutes(1);
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dials per minute, and dials deferred (provider slots full)',
        left: [custom(METRIC.callsDialed, cloudwatch.Stats.SUM, minute), custom(METRIC.dialsDeferred, cloudwatch.Stats.SUM, minute)],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Provider slots in use and calls waiting for one (after each reconcile run)',
        left: [custom(METRIC.slotsInUse, cloudwatch.Stats.MAXIMUM, fiveMinutes), custom(METRIC.dialLineLength, cloudwatch.Stats.MAXIMUM, fiveMinutes)],
        right: [custom(METRIC.dialLineOldestWaitSeconds, cloudwatch.Stats.MAXIMUM, fiveMinutes)],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Dialer runs in flight and throttled (bounded by its reserved concurrency)',
        left: [fn('dialer').metric('ConcurrentExecutions', { period: minute, statistic: cloudwatch.Stats.MAXIMUM }), fn('dialer').metricThrottles({ period: minute })],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Webhook latency (p50, p99 ms)',
        left: [
          fn('retell-webhook').metricDuration({ period: minute, statistic: 'p50' }),
          fn('retell-webhook').metricDuration({ period: minute, statistic: 'p99' }),
          fn('vapi-webhook').metricDuration({ period: minute, statistic: 'p99' }),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Errors: dialer, webhook, reconcile, API 5xx',
        left: [
          fn('dialer').metricErrors({ period: minute }),
          fn('retell-webhook').metricErrors({ period: minute }),
          fn('vapi-webhook').metricErrors({ period: minute }),
          fn('reconcile').metricErrors({ period: minute }),
          props.httpApi.metricServerError({ period: minute }),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Failure queues (records waiting for a replay)',
        left: queues.map(([, queue]) => queue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: cloudwatch.Stats.MAXIMUM })),
        width: 12,
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
    );
  }

  /** An alarm named `<prefix>-<name>` (5-minute data, one period, missing data = fine unless said), to every target. */
  private alarm(name: string, description: string, props: Omit<cloudwatch.AlarmProps, 'alarmName' | 'alarmDescription' | 'evaluationPeriods' | 'comparisonOperator'> & Partial<Pick<cloudwatch.AlarmProps, 'evaluationPeriods' | 'comparisonOperator'>>): void {
    const alarm = new cloudwatch.Alarm(this, name, {
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
      alarmName: `${this.prefix}-${name}`,
      alarmDescription: description,
    });
    for (const action of this.actions) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    this.alarms.push(alarm);
  }

}
