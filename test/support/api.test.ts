import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, pollUntil } from './api.js';

/** A real HTTP server that records each request and answers by path: JSON, an empty 204, or plain text. */
let server: Server;
let baseUrl: string;
const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === '/empty') return res.writeHead(204).end();
      if (req.url === '/text') return res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('apiClient', () => {
  const api = apiClient(() => baseUrl, () => 'default-token', { contract: false });

  it('sends the default bearer token and a JSON content type with a body, and parses the JSON answer', async () => {
    seen.length = 0;
    const answer = await api('/calls', { method: 'POST', body: '{"a":1}' });
    expect(answer).toMatchObject({ status: 201, json: { echoed: '{"a":1}' }, text: '{"echoed":"{\\"a\\":1}"}' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/calls', headers: { authorization: 'Bearer default-token', 'content-type': 'application/json' } });
  });

  it('uses the token a request names, and sends no Authorization header for null', async () => {
    seen.length = 0;
    await api('/a', { token: 'other' });
    await api('/b', { token: null });
    expect(seen.map((r) => r.headers.authorization)).toEqual(['Bearer other', undefined]);
    expect(seen[0]!.headers['content-type']).toBeUndefined();
  });

  it('answers json undefined for an empty body and for a body that is not JSON', async () => {
    expect(await api('/empty')).toMatchObject({ status: 204, json: undefined, text: '' });
    expect(await api('/text')).toMatchObject({ status: 502, json: undefined, text: 'Bad Gateway' });
  });
});

describe('apiClient with the contract check (the default)', () => {
  it('throws, naming the breach, when an answer is not what the OpenAPI document says', async () => {
    const checked = apiClient(() => baseUrl, () => 'default-token');
    // POST /calls is documented to answer 201 with a Call; this server answers 201 `{echoed}`.
    await expect(checked('/calls', { method: 'POST', body: '{}' })).rejects.toThrow(
      "POST /calls → 201: body (root) must have required property 'callId'",
    );
    // an undocumented route too
    await expect(checked('/empty')).rejects.toThrow('GET /empty → 204: no such route in the OpenAPI document');
  });
});

describe('pollUntil', () => {
  it('answers the first value that is done, after reading exactly until then', async () => {
    let reads = 0;
    const value = await pollUntil(async () => ++reads, (n) => n === 3, { intervalMs: 1 });
    expect([value, reads]).toEqual([3, 3]);
  });

  it('throws with the last value once the time is up', async () => {
    await expect(pollUntil(async () => 'scheduled', () => false, { timeoutMs: 0, intervalMs: 1, describe: (s) => `still ${s}` })).rejects.toThrow(
      'timed out after 0 ms; still scheduled',
    );
  });
});
