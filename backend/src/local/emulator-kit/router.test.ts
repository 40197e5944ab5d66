import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startHttpServer, readBody, type RunningServer } from './http-server.js';
import { createRouter, matchPath } from './router.js';

describe('matchPath', () => {
  it.each([
    ['/v2/get-call/:call_id', '/v2/get-call/call_abc', { call_id: 'call_abc' }],
    ['/schedules/:Name', '/schedules/a%2Eb', { Name: 'a.b' }],
    ['/schedules', '/schedules', {}],
  ])('%s matches %s', (template, path, params) => {
    expect(matchPath(template, path)).toEqual(params);
  });

  it.each([
    ['/v2/get-call/:call_id', '/v2/get-call/'],
    ['/v2/get-call/:call_id', '/v2/get-call/a/b'],
    ['/schedules', '/schedule-groups'],
  ])('%s does not match %s', (template, path) => {
    expect(matchPath(template, path)).toBeUndefined();
  });
});

describe('createRouter over a real server', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.stop());

  it('dispatches by method and path, falls back to notFound, and turns a throw into a 500', async () => {
    const handler = createRouter(
      [
        { method: 'POST', path: '/echo/:id', handler: async ({ req, res, params }) => sendJson(res, 200, { id: params.id, body: await readBody(req) }) },
        { method: 'GET', path: '/boom', handler: () => { throw new Error('boom'); } },
      ],
      ({ res }) => sendJson(res, 404, { message: 'nope' }),
    );
    server = await startHttpServer(handler, 0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const ok = await fetch(`${server.url}/echo/7`, { method: 'POST', body: 'raw' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: '7', body: 'raw' });

    expect((await fetch(`${server.url}/echo/7`)).status).toBe(404);
    const boom = await fetch(`${server.url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ message: 'boom' });
  });
});
