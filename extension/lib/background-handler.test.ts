import { describe, expect, it } from 'vitest';
import { registerBackground } from './background-handler';
import { adminApi, backgroundApi } from './messages';
import { saveAdminToken, saveConnection } from './settings';
import { scriptedFetch } from '../test-support/test-fetch';

const clinic = {
  clinicId: 'demo', name: 'Mission Vet', phoneNumber: '+14155550100', timezone: 'America/Los_Angeles',
  weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, closedDates: [], demoMode: false, enforceRecipientWindow: true,
};

describe('background worker messaging', () => {
  it('answers "not configured" until a connection is saved, then uses the saved token', async () => {
    const server = scriptedFetch((r) => (r.headers['authorization'] === 'Bearer saved' ? { status: 200, body: clinic } : { status: 401, body: { error: 'unauthorized', message: 'no' } }));
    registerBackground({ fetch: server.fetch });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: false, error: { error: 'not_configured' } });
    await saveConnection({ baseUrl: 'http://127.0.0.1:9/', token: ' saved ' });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: true, data: { name: 'Mission Vet' } });
    expect(server.requests[0]?.url).toBe('http://127.0.0.1:9/clinic');
  });

  it('tests an unsaved connection from the options page', async () => {
    const server = scriptedFetch((r) => (r.headers['authorization'] === 'Bearer typed' ? { status: 200, body: clinic } : { status: 401, body: { error: 'unauthorized', message: 'no' } }));
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'http://api.example', token: 'saved' });
    expect(await backgroundApi.getClinic({ baseUrl: 'http://api.example', token: 'typed' })).toMatchObject({ ok: true });
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: false, status: 401 });
  });

  it('ignores other extensions\' messages and reports a missing worker', async () => {
    expect(await backgroundApi.listCalls('1')).toMatchObject({ ok: false, error: { error: 'extension_unavailable' } });
  });

  it('sends admin ops with the admin token only, and staff ops with the staff token', async () => {
    const server = scriptedFetch((r) =>
      r.url.endsWith('/clinic/opt-outs') ? { status: 200, body: { items: [] } } : r.method === 'PATCH' ? { status: 409, body: { error: 'conflict', message: 'not scheduled' } } : undefined,
    );
    registerBackground({ fetch: server.fetch });
    await saveConnection({ baseUrl: 'http://api.example', token: 'staff' });
    expect(await adminApi.listOptOuts()).toMatchObject({ ok: false, error: { error: 'no_admin_token' } });
    expect(server.requests).toHaveLength(0);
    await saveAdminToken('admin');
    expect(await adminApi.listOptOuts()).toEqual({ ok: true, status: 200, data: { items: [] } });
    expect(await backgroundApi.rescheduleCall('c/1', '2026-11-24T18:00:00.000Z')).toMatchObject({ ok: false, status: 409 });
    expect(server.requests.map((r) => [r.method, r.url, r.headers['authorization']])).toEqual([
      ['GET', 'http://api.example/clinic/opt-outs', 'Bearer admin'],
      ['PATCH', 'http://api.example/calls/c%2F1', 'Bearer staff'],
    ]);
    expect(server.requests[1]?.body).toEqual({ scheduledFor: '2026-11-24T18:00:00.000Z' });
  });
});
