import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { cachedSecretString, SECRET_MAX_AGE_MS, type SecretReader } from './cached-secret.js';

/** A fake client answering `values` in turn (an Error is thrown), with the secret ids it was asked for. */
function fakeClient(...values: (string | undefined | Error)[]) {
  const asked: string[] = [];
  const client: SecretReader = {
    send: (async (command: GetSecretValueCommand) => {
      asked.push(command.input.SecretId!);
      const next = values.shift();
      if (next instanceof Error) throw next;
      return { SecretString: next };
    }) as SecretReader['send'],
  };
  return { client: () => client, asked };
}

// Each test uses its own secret id: the cache is per process, as in Lambda.
describe('cachedSecretString', () => {
  it('reads the secret once within the max age', async () => {
    const fake = fakeClient('key-1');
    let now = 0;
    const secret = cachedSecretString('arn:secret:a', { client: fake.client, now: () => now });
    expect(await secret()).toBe('key-1');
    now = SECRET_MAX_AGE_MS - 1;
    expect(await secret()).toBe('key-1');
    expect(fake.asked).toEqual(['arn:secret:a']);
  });

  it('reads it again once the max age has passed (a rotated key is picked up)', async () => {
    const fake = fakeClient('key-1', 'key-2');
    let now = 0;
    const secret = cachedSecretString('arn:secret:b', { client: fake.client, now: () => now });
    await secret();
    now = SECRET_MAX_AGE_MS;
    expect(await secret()).toBe('key-2');
  });

  it('shares one request between concurrent first reads', async () => {
    const fake = fakeClient('key-1');
    const secret = cachedSecretString('arn:secret:c', { client: fake.client, now: () => 0 });
    expect(await Promise.all([secret(), secret()])).toEqual(['key-1', 'key-1']);
    expect(fake.asked).toHaveLength(1);
  });

  it('forgets a failed read: the next call asks again', async () => {
    const fake = fakeClient(new Error('throttled'), 'key-1');
    const secret = cachedSecretString('arn:secret:d', { client: fake.client, now: () => 0 });
    await expect(secret()).rejects.toThrow('throttled');
    expect(await secret()).toBe('key-1');
  });

  it('answers undefined for a secret without a string value', async () => {
    const secret = cachedSecretString('arn:secret:e', { client: fakeClient(undefined).client, now: () => 0 });
    expect(await secret()).toBeUndefined();
  });
});
