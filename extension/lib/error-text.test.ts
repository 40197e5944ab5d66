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
