import { readFileSync } from 'node:fs';
import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, isTokenRoute } from '@vfc/shared';
import type { ApiKeyStore, ApiKeyUse } from '../../ports/api-key-store.js';
import { apiErrors } from './api-errors.js';
import { apiKeyUse } from './api-key-use.js';
import type { ApiEvent } from './api-request.js';

const NOW = new Date('2026-12-04T09:30:00.000Z');

/** A route behind the middleware, a key store answering `use`, and what reached each. */
function route(use: ApiKeyUse = 'recorded') {
  const writes: [string, string, string][] = [];
  let handled = 0;
  const apiKeys = {
    recordUse: async (clinicId: string, keyId: string, at: string) => {
      writes.push([clinicId, keyId, at]);
      return use;
    },
  } as unknown as ApiKeyStore;
  const handler = middy<ApiEvent, APIGatewayProxyStructuredResultV2>()
    .use(apiErrors())
    .use(apiKeyUse(() => ({ apiKeys, clock: { now: () => NOW } })))
    .handler(async () => {
      handled += 1;
      return { statusCode: 200, body: '{}' };
    });
  const call = (lambda: Record<string, unknown>) =>
    handler({ requestContext: { authorizer: { lambda } } } as unknown as ApiEvent, {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;
  return { call, writes, handled: () => handled };
}

describe('apiKeyUse', () => {
  it("records an API key's use once, at the clock's time, and lets the request through", async () => {
    const r = route();
    const answer = await r.call({ clinicId: 'c1', role: 'staff', keyId: 'k1' });
    expect([answer.statusCode, r.writes, r.handled()]).toEqual([200, [['c1', 'k1', NOW.toISOString()]], 1]);
  });

  it('answers 401 for a revoked key without running the route', async () => {
    const r = route('revoked');
    const answer = await r.call({ clinicId: 'c1', role: 'staff', keyId: 'k1' });
    expect([answer.statusCode, JSON.parse(String(answer.body)).error, r.handled()]).toEqual([401, 'unauthorized', 0]);
  });

  it('writes nothing for a signed-in person', async () => {
    const r = route();
    await r.call({ clinicId: 'c1', role: 'staff', userId: 'u1', name: 'Jamie' });
    expect(r.writes).toEqual([]);
  });
});

describe('the API-key check on every token route', () => {
  it('runs for every staff and admin route: each handler is wrapped in apiHandler', () => {
    const unwrapped = API_ROUTES.filter(isTokenRoute)
      .map((route) => route.handler)
      .filter((handler) => !/\bapiHandler\(/.test(readFileSync(new URL(`../${handler}.ts`, import.meta.url), 'utf8')));
    expect(unwrapped).toEqual([]);
  });
});
