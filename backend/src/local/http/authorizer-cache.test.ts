import { describe, expect, it } from 'vitest';
import { AuthorizerCache } from './authorizer-cache.js';

describe('AuthorizerCache', () => {
  it('runs the authorizer once per authorizer and header within the TTL, and again once it has passed', async () => {
    let now = 1_000;
    const cache = new AuthorizerCache<string>(300_000, () => now);
    let runs = 0;
    const authorize = async () => `verdict ${++runs}`;

    expect(await cache.get('staff', 'Bearer a', authorize)).toBe('verdict 1');
    now += 299_999;
    expect(await cache.get('staff', 'Bearer a', authorize)).toBe('verdict 1');
    expect(await cache.get('admin', 'Bearer a', authorize)).toBe('verdict 2');
    expect(await cache.get('staff', 'Bearer b', authorize)).toBe('verdict 3');
    now += 1;
    expect(await cache.get('staff', 'Bearer a', authorize)).toBe('verdict 4');
    expect(runs).toBe(4);
  });

  it('shares one run between concurrent requests and forgets a run that threw', async () => {
    const cache = new AuthorizerCache<string>(60_000, () => 0);
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error('authorizer crashed');
    };
    const both = [cache.get('staff', 'Bearer a', failing), cache.get('staff', 'Bearer a', failing)];
    await expect(Promise.all(both)).rejects.toThrow('authorizer crashed');
    expect(runs).toBe(1);
    expect(await cache.get('staff', 'Bearer a', async () => 'ok')).toBe('ok');
  });
});
