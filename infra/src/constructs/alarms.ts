import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
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
  readonly deadLetterQueue: sqs.IQueue;
  readonly dialer: lambda.IFunction;
}

/**
 * Alarms that page ops through one SNS topic (e-mail subscription from the stage config):
 * scheduler dead-letter queue not empty, dialer errors, webhook signature failures spiking, agent health below 70.
 * Custom metrics are Powertools EMF metrics in `METRICS_NAMESPACE` with the default `service` dimension.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { config } = props;

    this.topic = new sns.Topic(this, 'Topic', { topicName: `${config.prefix}-alarms`, enforceSSL: true });
    NagSuppressions.addResourceSuppressions(this.topic, [
      {
        id: 'AwsSolutions-SNS2',
        // Justification: CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed aws/sns key
        // (its key policy cannot grant cloudwatch.amazonaws.com), and alarm texts carry no personal data.
        reason: 'CloudWatch alarms cannot publish to an aws/sns-encrypted topic; alarm messages hold no personal data.',
      },
    ]);
    if (config.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    const action = new SnsAction(this.topic);
    const dimensionsMap = { service: SERVICE_NAME };

    this.add(
      new cloudwatch.Alarm(this, 'DeadLetterQueueNotEmpty', {
        alarmName: `${config.prefix}-scheduler-dlq-not-empty`,
        alarmDescription: 'A scheduled call or agent sync could not be delivered: inspect the scheduler dead-letter queue.',
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      action,
    );
    this.add(
      new cloudwatch.Alarm(this, 'DialerErrors', {
        alarmName: `${config.prefix}-dialer-errors`,
        alarmDescription: 'The dialer Lambda failed (Scheduler retries, then dead-letters the call).',
        metric: props.dialer.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      action,
    );
    this.add(
      new cloudwatch.Alarm(this, 'WebhookSignatureRejections', {
        alarmName: `${config.prefix}-webhook-signature-rejections`,
        alarmDescription: `At least ${WEBHOOK_REJECTIONS_SPIKE} Retell webhook requests with a bad signature in 5 minutes.`,
        metric: new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: METRIC.webhookSignatureRejected,
          dimensionsMap,
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.SUM,
        }),
        threshold: WEBHOOK_REJECTIONS_SPIKE,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      action,
    );
    this.add(
      new cloudwatch.Alarm(this, 'AgentHealthLow', {
        alarmName: `${config.prefix}-agent-health-low`,
        alarmDescription: `Retell agent registry health score below ${AGENT_HEALTH_THRESHOLD}: see the latest agent audit.`,
        // The score is emitted once per agent sync (every 6 h): a 6 h period holds at least one data point.
        metric: new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: METRIC.agentHealthScore,
          dimensionsMap,
          period: Duration.hours(6),
          statistic: cloudwatch.Stats.MINIMUM,
        }),
        threshold: AGENT_HEALTH_THRESHOLD,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      action,
    );
  }

  private add(alarm: cloudwatch.Alarm, action: SnsAction): void {
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}
