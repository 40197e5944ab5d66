import { describe, expect, it } from 'vitest';
import { describeApiFailure } from './error-text';

describe('describeApiFailure', () => {
  it.each([
    [401, 'unauthorized', 'Missing token', 'The API token was refused — check it in the extension options.'],
    [403, 'gateway_error', 'Forbidden', 'The API token was refused — check it in the extension options.'],
    [403, 'forbidden', 'Admin only', 'This API token is not allowed to do that — check it in the extension options.'],
    [404, 'http_error', 'The API answered HTTP 404.', 'The API URL looks wrong (HTTP 404) — check it in the extension options.'],
    [404, 'not_found', 'Call not found', 'Call not found'],
    [409, 'conflict', 'The call is no longer scheduled', 'The call is no longer scheduled'],
    [0, 'network_error', 'Could not reach the API at http://x (Failed to fetch).', 'Could not reach the API at http://x (Failed to fetch).'],
  ])('%d %s', (status, error, message, text) => {
    expect(describeApiFailure({ ok: false, status, error: { error, message } })).toBe(text);
  });
});

describe('describeApiFailure with the clinic zone', () => {
  const cap = 'This number has already had 3 automated calls in the last 30 days (limit 3, FCC 20-186); the next call is possible from 2026-12-24T15:00:00.000Z';

  it('shows the per-number cap instant in clinic time', () => {
    const failure = { ok: false as const, status: 409, error: { error: 'number_cap_reached', message: cap, freesAt: '2026-12-24T15:00:00.000Z' } };
    expect(describeApiFailure(failure, 'America/New_York')).toBe(
      'This number has already had 3 automated calls in the last 30 days (limit 3, FCC 20-186); the next call is possible from Thu 24 Dec 2026, 10:00:00 EST',
    );
  });

  it('adds freesAt when the message does not carry it', () => {
    const failure = { ok: false as const, status: 409, error: { error: 'number_cap_reached', message: 'Cap reached.', freesAt: '2026-07-01T12:00:00.000Z' } };
    expect(describeApiFailure(failure, 'Europe/London')).toBe('Cap reached. The next call to this number is possible from Wed 1 Jul 2026, 13:00:00 GMT+1.');
  });

  it('keeps the opted-out message and the token hints', () => {
    const optedOut = { ok: false as const, status: 409, error: { error: 'opted_out', message: "This number is on the clinic's do-not-call list." } };
    expect(describeApiFailure(optedOut, 'UTC')).toBe("This number is on the clinic's do-not-call list.");
    expect(describeApiFailure({ ok: false, status: 401, error: { error: 'unauthorized', message: 'x' } }, 'UTC')).toMatch(/token was refused/);
  });
});
