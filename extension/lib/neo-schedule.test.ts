import { describe, expect, it } from 'vitest';
import { fetchNeoScheduleConfigs } from './neo-schedule';
import { scriptedFetch } from '../test-support/test-fetch';

describe('fetchNeoScheduleConfigs', () => {
  it("fetches Neo's business hours same-origin with the session cookie and Neo's data headers", async () => {
    const body = { businessHours: { start: '08:00', end: '18:00', daysOfWeek: [1, 2, 3, 4, 5] } };
    const server = scriptedFetch((r) => (r.url.endsWith('/schedule/getScheduleConfigs') ? { status: 200, body } : undefined));
    expect(await fetchNeoScheduleConfigs('https://us.idexxneo.com', server.fetch)).toEqual({ ok: true, status: 200, data: body });
    expect(server.requests[0]).toMatchObject({
      url: 'https://us.idexxneo.com/schedule/getScheduleConfigs',
      credentials: 'include',
      headers: { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' },
    });
  });

  it.each([
    [401, 'neo_session', /log in to Neo/],
    [500, 'neo_error', /HTTP 500/],
  ])('HTTP %d → %s', async (status, error, message) => {
    const server = scriptedFetch(() => ({ status, body: { error: 'x' } }));
    const result = await fetchNeoScheduleConfigs('https://us.idexxneo.com', server.fetch);
    expect(result).toMatchObject({ ok: false, status, error: { error } });
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('reports a page that is not JSON and an unreachable Neo', async () => {
    const html = scriptedFetch(() => ({ status: 200, text: '<html>login</html>' }));
    expect(await fetchNeoScheduleConfigs('https://x.idexxneo.com', html.fetch)).toMatchObject({ ok: false, error: { error: 'neo_error' } });
    const down = scriptedFetch();
    expect(await fetchNeoScheduleConfigs('https://x.idexxneo.com', down.fetch)).toMatchObject({ ok: false, status: 0, error: { error: 'neo_unreachable' } });
  });
});
