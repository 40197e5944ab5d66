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
    const prod = readStageConfig(reader({ stage: 'prod', extensionOrigin: ORIGIN }));
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

  it.each([
    [{ stage: 'staging' }, /Unknown stage "staging"/],
    [{ stage: 'prod' }, /No CORS origin for stage prod: pass -c extensionOrigin=/],
    [{ stages: { dev: { ...(cdkJson.context.stages as any).dev, logRetentionDays: 10 } } }, /logRetentionDays must be one of/],
    [
      { stage: 'prod', extensionOrigin: ORIGIN, stages: { prod: { ...(cdkJson.context.stages as any).prod, removal: 'destroy' } } },
      /prod.removal must be "retain"/,
    ],
    [{ extensionOrigin: 'chrome-extension://*' }, /CORS origin/],
    [{ stages: {} }, /"stages.dev" is missing/],
  ])('rejects %j', (overrides, message) => {
    expect(() => readStageConfig(reader(overrides))).toThrow(message);
  });
});
