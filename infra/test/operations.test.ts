import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ASYNC_HANDLERS, SCHEDULED_HANDLERS } from '@vfc/shared/ops/observability';
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
}, 120_000);

const resources = (s: Synthesized, type: string) => Object.entries(s.statelessTemplate.findResources(type) as Record<string, CfnResource>);
const functionId = (s: Synthesized, handler: string) =>
  resources(s, 'AWS::Lambda::Function').find(([, f]) => f.Properties?.FunctionName === `${s.config.prefix}-${handler}`)![0];

describe('failed asynchronous runs are kept, not dropped', () => {
  it('every asynchronously invoked function sends a run that failed after its retries to the encrypted failure queue', () => {
    const queueId = resources(dev, 'AWS::SQS::Queue').find(([, q]) => q.Properties?.QueueName === 'vfc-dev-async-failures')![0];
    const configs = resources(dev, 'AWS::Lambda::EventInvokeConfig').map(([, c]) => c.Properties!);
    const asyncHandlers = [...SCHEDULED_HANDLERS, ...ASYNC_HANDLERS];
    expect(configs).toHaveLength(asyncHandlers.length);
    for (const handler of asyncHandlers) {
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
    expect(reserved).toEqual({
      dialer: dev.config.dialerConcurrency,
      reconcile: 1,
      'agent-sync': 1,
      'retell-webhook': dev.config.webhookConcurrency,
      'vapi-webhook': dev.config.webhookConcurrency,
    });
  });
});

describe('the public webhooks', () => {
  it('has a route throttle of its own, below the stage throttle', () => {
    const stage = resources(dev, 'AWS::ApiGatewayV2::Stage')[0]![1].Properties!;
    const limit = { ThrottlingRateLimit: dev.config.webhookThrottle.rateLimit, ThrottlingBurstLimit: dev.config.webhookThrottle.burstLimit };
    expect(stage.RouteSettings).toEqual({ 'POST /webhooks/retell': limit, 'POST /webhooks/vapi': limit });
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

describe('prod backups', () => {
  it('backs the table up daily into a vault, with a copy to the same-named vault in the backup region', () => {
    const plans = Object.values(prod.statefulTemplate.findResources('AWS::Backup::BackupPlan') as Record<string, CfnResource>);
    expect(plans).toHaveLength(1);
    const rule = plans[0]!.Properties!.BackupPlan.BackupPlanRule[0];
    expect(rule.Lifecycle).toEqual({ DeleteAfterDays: 35 });
    expect(JSON.stringify(rule.CopyActions[0].DestinationBackupVaultArn)).toContain(':backup:us-west-2:');
    expect(JSON.stringify(rule.CopyActions[0].DestinationBackupVaultArn)).toContain('backup-vault:vfc-prod-backups');
    prod.statefulTemplate.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [Match.objectLike({ 'Fn::GetAtt': [Match.anyValue(), 'Arn'] })] }),
    });
    expect(prod.backupCopy?.region).toBe('us-west-2');
    expect(Template.fromStack(prod.backupCopy!).findResources('AWS::Backup::BackupVault')).not.toEqual({});
  });

  it('replicates the Retell key secret to the backup region; dev has no backup plan and no replica', () => {
    prod.statefulTemplate.hasResourceProperties('AWS::SecretsManager::Secret', { ReplicaRegions: [{ Region: 'us-west-2' }] });
    expect(dev.statefulTemplate.findResources('AWS::Backup::BackupPlan')).toEqual({});
    expect(dev.backupCopy).toBeUndefined();
  });
});

describe('swapping in a restored table', () => {
  it('-c tableName points every function and grant at that table; without it they use the stateful stack table', () => {
    const restored = synthesize({ bundle: false, context: { tableName: 'vfc-dev-table-restored' } });
    const envs = resources(restored, 'AWS::Lambda::Function').map(([, f]) => f.Properties?.Environment.Variables.TABLE_NAME);
    expect(new Set(envs)).toEqual(new Set(['vfc-dev-table-restored']));
    const policies = JSON.stringify(restored.statelessTemplate.findResources('AWS::IAM::Policy'));
    expect(policies).toContain(':table/vfc-dev-table-restored');
    expect(policies).not.toMatch(/ImportValue":"[^"]*Table/);
    const devEnvs = resources(dev, 'AWS::Lambda::Function').map(([, f]) => JSON.stringify(f.Properties?.Environment.Variables.TABLE_NAME));
    expect(devEnvs.every((value) => value.includes('Fn::ImportValue'))).toBe(true);
  });
});

describe('data access', () => {
  /** The DynamoDB statements of a function's role, by its name. */
  const dynamoStatements = (functionName: string) => {
    const roleId = resources(dev, 'AWS::Lambda::Function').find(([, f]) => f.Properties?.FunctionName === functionName)![1].Properties?.Role['Fn::GetAtt'][0];
    return resources(dev, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties?.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties?.PolicyDocument.Statement)
      .filter((st: { Action: string | string[] }) => JSON.stringify(st.Action).includes('dynamodb:'));
  };

  it("the authorizer's role may only GetItem token items and UpdateItem person records", () => {
    expect(dynamoStatements('vfc-dev-authorizer')).toEqual([
      expect.objectContaining({ Action: 'dynamodb:GetItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TOKEN#*'] } } }),
      expect.objectContaining({ Action: 'dynamodb:UpdateItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PEOPLE#*'] } } }),
    ]);
  });

  it("a read-only route's role may UpdateItem API key records and nothing else it could write", () => {
    const writes = dynamoStatements('vfc-dev-get-clinic').filter((st: { Action: string | string[] }) => /Put|Update|Delete|Write/.test(JSON.stringify(st.Action)));
    expect(writes).toEqual([
      expect.objectContaining({ Action: 'dynamodb:UpdateItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['APIKEYS#*'] } } }),
    ]);
  });

  it("the scheduler roles trust Scheduler only for this account's schedules of their own group", () => {
    const trusts = resources(dev, 'AWS::IAM::Role')
      .map(([, r]) => r.Properties?.AssumeRolePolicyDocument.Statement[0])
      .filter((st) => st.Principal?.Service === 'scheduler.amazonaws.com');
    expect(trusts).toHaveLength(2);
    const sourceArns = trusts.map((st) => JSON.stringify(st.Condition.ArnLike['aws:SourceArn']));
    expect(sourceArns.some((arn) => arn.includes('schedule/vfc-dev-calls/*'))).toBe(true);
    expect(sourceArns.some((arn) => arn.includes('schedule/vfc-dev-recurring/*'))).toBe(true);
    for (const st of trusts) expect(st.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
  });
});
