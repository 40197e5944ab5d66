import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStageConfig } from './stage-config.js';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const reader =
  (overrides: Record<string, unknown> = {}) =>
  (key: string): unknown =>
    key in overrides ? overrides[key] : cdkJson.context[key];

describe('readStageConfig (with infra/cdk.json)', () => {
  it('defaults to dev: destroyable, no deletion protection, vfc-dev prefix', () => {
    const config = readStageConfig(reader({ stage: undefined }));
    expect(config).toMatchObject({ stage: 'dev', prefix: 'vfc-dev', isProduction: false, removal: 'destroy' });
  });

  it('prod retains data and keeps logs longer than dev', () => {
    const prod = readStageConfig(reader({ stage: 'prod', extensionOrigin: ORIGIN, alarmEmail: 'ops@example.com' }));
    const dev = readStageConfig(reader({ stage: 'dev' }));
    expect(prod).toMatchObject({ stage: 'prod', prefix: 'vfc-prod', isProduction: true, removal: 'retain' });
    expect(prod.logRetentionDays).toBeGreaterThan(dev.logRetentionDays);
  });

  it('takes alarmEmail and extensionOrigin overrides from -c', () => {
    const config = readStageConfig(
      reader({ stage: 'prod', alarmEmail: 'ops@example.com', extensionOrigin: ORIGIN }),
    );
    expect(config.alarmEmail).toBe('ops@example.com');
    expect(config.extensionOrigins).toEqual([ORIGIN]);
  });

  it('prod without an alarm target fails, naming the settings; an e-mail or an SNS topic ARN satisfies it', () => {
    expect(() => readStageConfig(reader({ stage: 'prod', extensionOrigin: ORIGIN }))).toThrow(
      /No alarm target for stage prod: alarms would reach no one\. Pass -c alarmEmail=.*-c alarmTopicArn=/,
    );
    const topicArn = 'arn:aws:sns:us-east-1:123456789012:clinic-ops-chat';
    expect(readStageConfig(reader({ stage: 'prod', extensionOrigin: ORIGIN, alarmTopicArn: topicArn })).alarmTopicArn).toBe(topicArn);
    expect(readStageConfig(reader({ stage: 'prod', extensionOrigin: ORIGIN, alarmEmail: 'ops@example.com' })).alarmEmail).toBe('ops@example.com');
    // dev may run without one
    expect(readStageConfig(reader({ stage: 'dev' })).alarmEmail).toBeUndefined();
  });

  it('sizes the dialer from the provider slots and reads the webhook limits and source allowlist', () => {
    const prod = readStageConfig(reader({ stage: 'prod', extensionOrigin: ORIGIN, alarmEmail: 'ops@example.com' }));
    // The platform accounts' slots: Retell 20 + Vapi 10.
    expect(prod).toMatchObject({
      vapiConcurrencyLimit: 10,
      dialerConcurrency: 30,
      webhookConcurrency: 20,
      webhookThrottle: { rateLimit: 25, burstLimit: 50 },
      webhookSourceCidrs: ['100.20.5.228/32'],
      backupRegion: 'us-west-2',
    });
  });

  it.each([
    [{ stage: 'staging' }, /Unknown stage "staging"/],
    [{ stage: 'prod', extensionOrigin: ORIGIN, alarmTopicArn: 'not-an-arn' }, /is not an SNS topic ARN/],
    [{ stages: { dev: { ...(cdkJson.context.stages as any).dev, webhookSourceCidrs: ['100.20.5.228'] } } }, /is not an IPv4 CIDR/],
    [{ stages: { dev: { ...(cdkJson.context.stages as any).dev, dialerConcurrency: 0 } } }, /dialerConcurrency must be a positive integer/],
    [{ stage: 'prod' }, /No CORS origin for stage prod: pass -c extensionOrigin=/],
    [{ stages: { dev: { ...(cdkJson.context.stages as any).dev, logRetentionDays: 10 } } }, /logRetentionDays must be one of/],
    [
      { stage: 'prod', extensionOrigin: ORIGIN, alarmEmail: 'ops@example.com', stages: { prod: { ...(cdkJson.context.stages as any).prod, removal: 'destroy' } } },
      /prod.removal must be "retain"/,
    ],
    [{ extensionOrigin: 'chrome-extension://*' }, /CORS origin/],
    [{ stages: {} }, /"stages.dev" is missing/],
  ])('rejects %j', (overrides, message) => {
    expect(() => readStageConfig(reader(overrides))).toThrow(message);
  });
});
