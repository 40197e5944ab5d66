import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../local/emulator-kit/http-server.js';
import { signedFetchClient } from './signed-fetch.js';

const LOCAL = { accessKeyId: 'local', secretAccessKey: 'local' };

let server: RunningServer | undefined;
const hung: ServerResponse[] = [];
afterEach(async () => {
  for (const res of hung.splice(0)) res.destroy();
  await server?.stop();
  server = undefined;
});

describe('signedFetchClient', () => {
  it('gives up on a call that gets no answer once its timeout passes, with a TimeoutError', async () => {
    server = await startHttpServer((_req, res) => {
      hung.push(res); // never answered
    });
    const { fetch } = signedFetchClient({ service: 'lambda', endpoint: server.url, localCredentials: LOCAL, timeoutMs: 50, firstRetryMs: 0 });
    await expect(fetch(`${server.url}/x`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it("signs with the execution role's credentials from the environment, session token included, in its region", async () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session-token' };
    const client = signedFetchClient({ service: 'lambda', localCredentials: LOCAL, env });
    const signed = await client.sign('https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/f/invocations', { method: 'POST', body: '{}' });
    expect(client.region).toBe('eu-west-1');
    expect(signed.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\/\d{8}\/eu-west-1\/lambda\/aws4_request, /);
    expect(signed.headers.get('x-amz-security-token')).toBe('session-token');
  });

  it('signs with the fixed local credentials when it talks to a local stand-in', async () => {
    const client = signedFetchClient({
      service: 's3',
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      localCredentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      env: { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE' },
    });
    const signed = await client.sign('http://127.0.0.1:1/bucket/key', { method: 'GET' });
    expect(signed.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=S3RVER\//);
  });
});
