import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { SCHEDULED_HANDLERS } from '@vfc/shared/ops/observability';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ASYNC_INVOKE_POLICY } from '../src/constructs/async-failures.js';
import { handlerNames } from '../src/functions/handler-catalog.js';
import { cdkJsonContext, type CfnResource, synthesize, type Synthesized } from './support/synth.js';

/** Operating the stacks in AWS: failed runs kept, bounded concurrency, webhook limits, alarms reaching a person. */
const PROD_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synthesize({ bundle: false });
  prod = synthesize({
    bundle: false,
    context: { stage: 'prod', extensionOrigin: PROD_ORIGIN, alarmEmail: 'ops@example.com', alarmTopicArn: 'arn:aws:sns:us-east-1:123456789012:clinic-ops-chat' },
  });
});

const resources = (s: Synthesized, type: string) => Object.entries(s.statelessTemplate.findResources(type) as Record<string, CfnResource>);
const functionId = (s: Synthesized, handler: string) =>
  resources(s, 'AWS::Lambda::Function').find(([, f]) => f.Properties?.FunctionName === `${s.config.prefix}-${handler}`)![0];

describe('failed asynchronous runs are kept, not dropped', () => {
  it('every scheduler-invoked function sends a run that failed after its retries to the encrypted failure queue', () => {
    const queueId = resources(dev, 'AWS::SQS::Queue').find(([, q]) => q.Properties?.QueueName === 'vfc-dev-async-failures')![0];
    const configs = resources(dev, 'AWS::Lambda::EventInvokeConfig').map(([, c]) => c.Properties!);
    expect(configs).toHaveLength(SCHEDULED_HANDLERS.length);
    for (const handler of SCHEDULED_HANDLERS) {
      const policy = ASYNC_INVOKE_POLICY[handler]!;
      const config = configs.find((c) => JSON.stringify(c.FunctionName) === JSON.stringify({ Ref: functionId(dev, handler) }));
      expect(config, handler).toEqual({
        FunctionName: { Ref: functionId(dev, handler) },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: policy.retryAttempts,
        MaximumEventAgeInSeconds: policy.maxEventAge.toSeconds(),
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      });
    }
    dev.statelessTemplate.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'vfc-dev-async-failures', SqsManagedSseEnabled: true });
  });
});

describe('bounded concurrency', () => {
  it('reserves exactly: the dialer its configured share, reconcile and agent-sync one run each, the webhook its own', () => {
    const reserved = Object.fromEntries(
      handlerNames()
        .map((handler) => [handler, resources(dev, 'AWS::Lambda::Function').find(([, f]) => f.Properties?.FunctionName === `vfc-dev-${handler}`)![1].Properties?.ReservedConcurrentExecutions])
        .filter(([, value]) => value !== undefined),
    );
    expect(reserved).toEqual({ dialer: dev.config.dialerConcurrency, reconcile: 1, 'agent-sync': 1, 'retell-webhook': dev.config.webhookConcurrency });
  });
});

describe('the public webhook', () => {
  it('has a route throttle of its own, below the stage throttle', () => {
    const stage = resources(dev, 'AWS::ApiGatewayV2::Stage')[0]![1].Properties!;
    expect(stage.RouteSettings).toEqual({
      'POST /webhooks/retell': { ThrottlingRateLimit: dev.config.webhookThrottle.rateLimit, ThrottlingBurstLimit: dev.config.webhookThrottle.burstLimit },
    });
    expect(dev.config.webhookThrottle.rateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
  });
});

describe('alarms reach a person', () => {
  it('reconcile not running and a missing agent health score count as breaching', () => {
    for (const name of ['vfc-dev-reconcile-not-running', 'vfc-dev-agent-health-low']) {
      dev.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: name, TreatMissingData: 'breaching' });
    }
  });

  it('prod: the topic has the e-mail subscription, and every alarm also notifies the configured external topic', () => {
    prod.statelessTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    for (const [, alarm] of resources(prod, 'AWS::CloudWatch::Alarm')) {
      expect(alarm.Properties?.AlarmActions).toContainEqual('arn:aws:sns:us-east-1:123456789012:clinic-ops-chat');
    }
  });

  it('prod synth without an alarm target stops with a message naming the settings', () => {
    const app = new App({ context: { ...cdkJsonContext(), stage: 'prod', extensionOrigin: PROD_ORIGIN }, outdir: undefined });
    expect(() => buildApp(app)).toThrow(/No alarm target for stage prod.*alarmEmail.*alarmTopicArn/s);
  });

  it('has a dispatch dashboard', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'vfc-dev-dispatch', DashboardBody: Match.anyValue() });
  });
});

describe('prod stacks', () => {
  it('are both termination-protected; dev stacks are not', () => {
    expect([prod.stateful.terminationProtection, prod.stateless.terminationProtection]).toEqual([true, true]);
    expect([dev.stateful.terminationProtection, dev.stateless.terminationProtection]).toEqual([false, false]);
  });
});

describe('the webhook source allowlist', () => {
  it('prod passes the configured provider addresses to the webhook function only; dev sets none', () => {
    const envOf = (s: Synthesized, handler: string) =>
      resources(s, 'AWS::Lambda::Function').find(([, f]) => f.Properties?.FunctionName === `${s.config.prefix}-${handler}`)![1].Properties?.Environment.Variables;
    expect(envOf(prod, 'retell-webhook').WEBHOOK_SOURCE_CIDRS).toBe('100.20.5.228/32');
    expect(envOf(prod, 'create-call').WEBHOOK_SOURCE_CIDRS).toBeUndefined();
    expect(envOf(dev, 'retell-webhook').WEBHOOK_SOURCE_CIDRS).toBeUndefined();
  });
});
