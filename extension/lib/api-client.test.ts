import { describe, expect, it } from 'vitest';
import { ListCallsQuery } from '@vfc/shared';
import { clinicCallsSearch, createApiClient, routePath } from './api-client';
import { scriptedFetch } from '../test-support/test-fetch';

const call = {
  callId: 'c_1',
  consultationId: '310382',
  status: 'scheduled',
  scheduledFor: '2026-11-24T18:00:00.000Z',
  phoneNumber: '+14155550123',
  petName: 'Bella',
  ownerName: 'Jane Doe',
  attempt: 1,
  attempts: [],
  createdAt: '2026-11-23T18:00:00.000Z',
  updatedAt: '2026-11-23T18:00:00.000Z',
};
const clinic = {
  clinicId: 'demo', name: 'Mission Vet', phoneNumber: '+14155550100', timezone: 'America/Los_Angeles',
  weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, closedDates: [], demoMode: true, enforceRecipientWindow: true, role: 'staff',
};
const body = { consultationId: '310382', ownerName: 'Jane Doe', petName: 'Bella', phoneNumber: '+14155550123', scheduledFor: '2026-11-24T18:00:00.000Z' };

describe('routePath', () => {
  it('fills path parameters from API_ROUTES', () => {
    expect(routePath('cancel-call', { callId: 'a/b' })).toBe('/calls/a%2Fb');
    expect(routePath('get-clinic')).toBe('/clinic');
  });
});

describe('createApiClient', () => {
  it('sends the bearer token and idempotency key, and parses the call', async () => {
    const server = scriptedFetch((r) => (r.method === 'POST' ? { status: 201, body: call } : undefined));
    const api = createApiClient({ baseUrl: 'https://api.example/', token: ' tok ' }, server.fetch);
    const result = await api.createCall(body, 'key-1');
    expect(result).toMatchObject({ ok: true, status: 201, data: { callId: 'c_1', status: 'scheduled' } });
    expect(server.requests[0]).toMatchObject({
      url: 'https://api.example/calls',
      method: 'POST',
      headers: { authorization: 'Bearer tok', 'idempotency-key': 'key-1', 'content-type': 'application/json' },
      body,
    });
  });

  it('lists calls and gets the clinic', async () => {
    const server = scriptedFetch(
      (r) => (r.url.includes('/calls?consultationId=310382') ? { status: 200, body: { items: [call] } } : undefined),
      (r) => (r.url.endsWith('/clinic') ? { status: 200, body: clinic } : undefined),
      (r) => (r.method === 'DELETE' ? { status: 200, body: { ...call, status: 'cancelled' } } : undefined),
    );
    const api = createApiClient({ baseUrl: 'https://api.example', token: 't' }, server.fetch);
    expect(await api.listCalls('310382')).toMatchObject({ ok: true, data: { items: [{ callId: 'c_1' }] } });
    expect(await api.getClinic()).toMatchObject({ ok: true, data: { name: 'Mission Vet', demoMode: true } });
    expect(await api.cancelCall('c_1')).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(server.requests[2]?.url).toBe('https://api.example/calls/c_1');
  });

  it.each([
    [400, { error: 'validation_error', message: 'Invalid request', issues: [{ path: 'phoneNumber', message: 'opted out' }] }, 'validation_error'],
    [401, { error: 'unauthorized', message: 'Missing or invalid token' }, 'unauthorized'],
    [403, { message: 'Forbidden' }, 'gateway_error'],
    [500, '<html>Bad gateway</html>', 'http_error'],
  ])('HTTP %d → failure %s', async (status, answer, code) => {
    const server = scriptedFetch(() => (typeof answer === 'string' ? { status, text: answer } : { status, body: answer }));
    const result = await createApiClient({ baseUrl: 'https://api.example', token: 't' }, server.fetch).createCall(body, 'k');
    expect(result).toMatchObject({ ok: false, status, error: { error: code } });
  });

  it('network errors and unexpected bodies never throw', async () => {
    const down = createApiClient({ baseUrl: 'https://down.example', token: 't' }, scriptedFetch().fetch);
    expect(await down.getClinic()).toMatchObject({ ok: false, status: 0, error: { error: 'network_error' } });
    const odd = createApiClient({ baseUrl: 'https://api.example', token: 't' }, scriptedFetch(() => ({ status: 200, body: { name: 1 } })).fetch);
    expect(await odd.getClinic()).toMatchObject({ ok: false, status: 200, error: { error: 'bad_response' } });
  });
});

describe('clinic-wide list and resolution', () => {
  it('serialises the filters into the query the API parses back to the same values', () => {
    const search = clinicCallsSearch({
      from: '2026-11-24T08:00:00.000Z',
      to: '2026-11-25T08:00:00.000Z',
      attention: ['urgent', 'review'],
      status: ['failed'],
      resolved: false,
      limit: 100,
      cursor: 'abc=',
    });
    expect(search).toBe('from=2026-11-24T08%3A00%3A00.000Z&to=2026-11-25T08%3A00%3A00.000Z&status=failed&attention=urgent%2Creview&resolved=false&limit=100&cursor=abc%3D');
    expect(ListCallsQuery.parse(Object.fromEntries(new URLSearchParams(search)))).toEqual({
      from: '2026-11-24T08:00:00.000Z',
      to: '2026-11-25T08:00:00.000Z',
      status: ['failed'],
      attention: ['urgent', 'review'],
      resolved: false,
      limit: 100,
      cursor: 'abc=',
    });
    expect(clinicCallsSearch({ attention: [], resolved: undefined })).toBe('');
  });

  it('lists a page, resolves with a trimmed note and reopens', async () => {
    const resolved = { ...call, status: 'completed', resolution: { resolvedAt: '2026-11-24T19:00:00.000Z', resolvedBy: 'Front desk', note: 'Called back' } };
    const server = scriptedFetch(
      (r) => (r.url.includes('/calls?') ? { status: 200, body: { items: [call], nextCursor: 'next' } } : undefined),
      (r) => (r.method === 'POST' ? { status: 200, body: resolved } : undefined),
      (r) => (r.method === 'DELETE' ? { status: 200, body: { ...call, status: 'completed' } } : undefined),
    );
    const api = createApiClient({ baseUrl: 'https://api.example', token: 't' }, server.fetch);
    expect(await api.listClinicCalls({ attention: ['urgent'] })).toMatchObject({ ok: true, data: { items: [{ callId: 'c_1' }], nextCursor: 'next' } });
    expect(await api.resolveCall('c_1', '  Called back ')).toMatchObject({ ok: true, data: { resolution: { resolvedBy: 'Front desk' } } });
    expect(await api.resolveCall('c_1', '   ')).toMatchObject({ ok: true });
    expect(await api.reopenCall('c_1')).toMatchObject({ ok: true, data: { status: 'completed' } });
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', 'https://api.example/calls?attention=urgent', undefined],
      ['POST', 'https://api.example/calls/c_1/resolve', { note: 'Called back' }],
      ['POST', 'https://api.example/calls/c_1/resolve', {}],
      ['DELETE', 'https://api.example/calls/c_1/resolve', undefined],
    ]);
  });
});

describe('admin routes', () => {
  it('removes an opt-out with the E.164 number URL-encoded and reads the empty 204 as success', async () => {
    const server = scriptedFetch((r) => (r.method === 'DELETE' ? { status: 204 } : undefined));
    const api = createApiClient({ baseUrl: 'https://api.example', token: 'adm' }, server.fetch);
    expect(await api.removeOptOut('+14155550123')).toEqual({ ok: true, status: 204, data: null });
    expect(server.requests[0]?.url).toBe('https://api.example/clinic/opt-outs/%2B14155550123');
  });

  it('checks admin answers with the shared schemas', async () => {
    const server = scriptedFetch((r) => (r.url.endsWith('/agents/audit') ? { status: 200, body: { healthScore: 120 } } : undefined));
    const api = createApiClient({ baseUrl: 'https://api.example', token: 'adm' }, server.fetch);
    expect(await api.auditAgents()).toMatchObject({ ok: false, error: { error: 'bad_response' } });
  });

  it('reads and saves the voice provider at /clinic/voice, the key only in the PUT body', async () => {
    const voice = { provider: 'vapi', account: 'clinic', keyLast4: 'abcd', phoneNumberId: 'pn_1', concurrencyLimit: 5, status: 'ok' };
    const server = scriptedFetch((r) =>
      r.url.endsWith('/clinic/voice') ? { status: 200, body: r.method === 'PUT' ? { voice, sync: { created: ['asst_1'], updated: [], unchanged: [], duplicates: [], errors: [] } } : voice } : undefined,
    );
    const api = createApiClient({ baseUrl: 'https://api.example', token: 'adm' }, server.fetch);
    expect(await api.getClinicVoice()).toEqual({ ok: true, status: 200, data: voice });
    const saved = await api.updateClinicVoice({ provider: 'vapi', apiKey: 'sk_live_abcd', concurrencyLimit: 5 });
    expect(saved.ok && saved.data.sync?.created).toEqual(['asst_1']);
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', 'https://api.example/clinic/voice', undefined],
      ['PUT', 'https://api.example/clinic/voice', { provider: 'vapi', apiKey: 'sk_live_abcd', concurrencyLimit: 5 }],
    ]);
  });
});

