import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@vfc/shared';
import type { RunningServer } from '../emulator-kit/http-server.js';
import { startApiServer } from './api-server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startApiServer(0);
});
afterAll(() => server?.stop());

describe('local API stand-in CORS', () => {
  it('answers a preflight with exactly the route table methods plus OPTIONS, PUT included', async () => {
    const res = await fetch(`${server.url}/clinic/settings`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'PUT' },
    });
    expect(res.status).toBe(204);
    const allowed = (res.headers.get('access-control-allow-methods') ?? '').split(',').sort();
    expect(allowed).toContain('PUT');
    expect(allowed).toEqual([...new Set([...API_ROUTES.map((route) => route.method), 'OPTIONS'])].sort());
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,idempotency-key');
  });
});
