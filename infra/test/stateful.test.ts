import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TABLE_DESIGN } from '@vfc/shared/storage/table-design';
import { describe, expect, it } from 'vitest';
import { readStageConfig } from '../src/config/stage-config.js';
import { StatefulStack } from '../src/stacks/stateful-stack.js';
import { cdkJsonContext, type CfnResource } from './support/synth.js';

/** The stateful stack alone (no Lambda bundling involved), for a stage. */
function statefulTemplate(stage: 'dev' | 'prod'): Template {
  const app = new App({
    context: { ...cdkJsonContext(), stage, extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', alarmEmail: 'ops@example.com' },
  });
  const config = readStageConfig((key) => app.node.tryGetContext(key));
  return Template.fromStack(new StatefulStack(app, 'Stateful', { config }));
}

const dev = statefulTemplate('dev');
const prod = statefulTemplate('prod');
const tableOf = (t: Template) => Object.values(t.findResources('AWS::DynamoDB::Table') as Record<string, CfnResource>)[0]!;

describe('table', () => {
  it.each([
    ['dev', dev],
    ['prod', prod],
  ])('%s: keys and indexes from TABLE_DESIGN, on-demand, PITR, TTL, AWS-managed encryption', (_stage, t) => {
    const props = tableOf(t).Properties!;
    expect(props.KeySchema).toEqual([
      { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
    ]);
    expect(props.GlobalSecondaryIndexes.map((i: any) => [i.IndexName, i.KeySchema.map((k: any) => k.AttributeName)])).toEqual(
      TABLE_DESIGN.indexes.map((i) => [i.indexName, [i.partitionKey, i.sortKey]]),
    );
    // GSI1/GSI2 serve lists of whole items; GSI3 maps a Retell call_id to our call id only (no personal data copied);
    // GSI4 gives the calls planned to one number with what the cap and the do-not-call list read (no names, no summary).
    expect(Object.fromEntries(props.GlobalSecondaryIndexes.map((i: any) => [i.IndexName, i.Projection]))).toEqual({
      GSI1: { ProjectionType: 'ALL' },
      GSI2: { ProjectionType: 'ALL' },
      GSI3: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['callId'] },
      GSI4: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['callId', 'clinicId', 'status', 'scheduledFor'] },
    });
    expect(props.AttributeDefinitions.every((a: any) => a.AttributeType === 'S')).toBe(true);
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_DESIGN.ttlAttribute, Enabled: true });
    // SSEEnabled true without a key id = the AWS-managed KMS key aws/dynamodb (false would be the AWS-owned key).
    expect(props.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it('prod: deletion protection and RETAIN', () => {
    const table = tableOf(prod);
    expect(table.Properties?.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('dev: removable', () => {
    const table = tableOf(dev);
    expect(table.Properties?.DeletionProtectionEnabled).toBe(false);
    expect(table.DeletionPolicy).toBe('Delete');
  });
});

describe('Retell API key secret', () => {
  it('is created empty: no generated value and no value in the template', () => {
    const secrets = Object.values(prod.findResources('AWS::SecretsManager::Secret') as Record<string, CfnResource>).filter(
      (secret) => secret.Properties?.Name === 'vfc-prod/retell-api-key',
    );
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.Properties?.Name).toBe('vfc-prod/retell-api-key');
    expect(secrets[0]!.Properties?.GenerateSecretString).toBeUndefined();
    expect(secrets[0]!.Properties?.SecretString).toBeUndefined();
    expect(secrets[0]!.DeletionPolicy).toBe('Retain');
  });
});

describe("the platform's Vapi API key secret", () => {
  it('is created empty (no generated value, none in the template), kept on delete, replicated, and exported by ARN', () => {
    const secrets = Object.values(prod.findResources('AWS::SecretsManager::Secret') as Record<string, CfnResource>).filter(
      (secret) => secret.Properties?.Name === 'vfc-prod/vapi-api-key',
    );
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.Properties?.GenerateSecretString).toBeUndefined();
    expect(secrets[0]!.Properties?.SecretString).toBeUndefined();
    expect(secrets[0]!.DeletionPolicy).toBe('Retain');
    expect(secrets[0]!.Properties?.ReplicaRegions).toHaveLength(1);
    expect(Object.keys(prod.toJSON().Outputs)).toContain('VapiApiKeySecretArn');
  });
});

describe('Vapi webhook secret', () => {
  it('is generated (64 characters, no punctuation), kept on delete, and exported by ARN', () => {
    const secrets = Object.values(prod.findResources('AWS::SecretsManager::Secret') as Record<string, CfnResource>);
    expect(secrets.map((secret) => secret.Properties?.Name).sort()).toEqual(['vfc-prod/retell-api-key', 'vfc-prod/vapi-api-key', 'vfc-prod/vapi-webhook-secret']);
    const vapi = secrets.find((secret) => secret.Properties?.Name === 'vfc-prod/vapi-webhook-secret')!;
    expect(vapi.Properties?.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true });
    expect(vapi.Properties?.SecretString).toBeUndefined();
    expect(vapi.DeletionPolicy).toBe('Retain');
    expect(Object.keys(prod.toJSON().Outputs)).toContain('VapiWebhookSecretArn');
  });
});

describe('outputs', () => {
  it('exports the table name and region for the ops CLI, and the secret ARN', () => {
    expect(Object.keys(prod.toJSON().Outputs)).toEqual(expect.arrayContaining(['TableName', 'Region', 'RetellApiKeySecretArn']));
  });
});
