import { describe, expect, it } from 'vitest';
import { fakeIssuer } from '../test-support/fake-issuer';
import { scriptedFetch } from '../test-support/test-fetch';
import { sendMessagesAs, TEST_SENDERS } from '../test-support/test-sender';
import { TEST_CLINIC } from '../test-support/test-server';
import { registerBackground } from './background-handler';
import { adminApi, backgroundApi, signInApi } from './messages';
import { saveAdminToken, saveConnection, signInClientIdItem, signInIssuerItem } from './settings';

/** The worker with a fake issuer in front of a scripted API, sign-in set up, and the clinic's tokens saved too. */
async function signedInWorker(api: Parameters<typeof scriptedFetch>[0]) {
  const server = scriptedFetch(api);
  const issuer = fakeIssuer({ api: server.fetch });
  registerBackground({ fetch: issuer.fetch, signInDeps: { launchWebAuthFlow: issuer.launchWebAuthFlow, redirectUrl: () => 'https://test-extension-id.chromiumapp.org/' } });
  await saveConnection({ baseUrl: 'https://api.example', token: 'clinic-staff-token' });
  await saveAdminToken('clinic-admin-token');
  await signInIssuerItem.setValue(issuer.issuer);
  await signInClientIdItem.setValue(issuer.clientId);
  return { server, issuer };
}

describe('API calls as the signed-in person', () => {
  it("sends the person's access token instead of the clinic's tokens, for staff and admin calls", async () => {
    const { server } = await signedInWorker((r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : { status: 200, body: { items: [] } }));
    expect(await signInApi.signIn()).toMatchObject({ ok: true, data: { state: 'signed_in' } });
    await backgroundApi.getClinic();
    await adminApi.listOptOuts();
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer access-1', 'Bearer access-1']);
  });

  it('uses the clinic token while nobody is signed in', async () => {
    const { server } = await signedInWorker(() => ({ status: 200, body: TEST_CLINIC }));
    await backgroundApi.getClinic();
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer clinic-staff-token']);
  });

  it('on a 401 refreshes the access token once and retries the call once with the new one', async () => {
    const { server, issuer } = await signedInWorker((r) => (r.headers['authorization'] === 'Bearer access-2' ? { status: 200, body: TEST_CLINIC } : { status: 401, body: { message: 'Unauthorized' } }));
    await signInApi.signIn();
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: true });
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(issuer.tokenRequests.filter((r) => r['grant_type'] === 'refresh_token')).toHaveLength(1);
  });

  it("never falls back to the clinic token for a signed-in person whose refresh was refused", async () => {
    const { server, issuer } = await signedInWorker(() => ({ status: 401, body: { message: 'Unauthorized' } }));
    await signInApi.signIn();
    issuer.refuseRefresh('refresh-1');
    expect(await backgroundApi.getClinic()).toMatchObject({ ok: false, error: { error: 'sign_in_expired' } });
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer access-1']);
  });

  it('answers the pages who is signed in, never a token', async () => {
    await signedInWorker(() => undefined);
    const answers = [await signInApi.signIn(), await signInApi.status()];
    expect(answers[1]).toEqual({ ok: true, status: 200, data: { state: 'signed_in', profile: { sub: 'u-1', name: 'Dr. Rivera', role: 'admin' } } });
    expect(JSON.stringify(answers)).not.toMatch(/access-|refresh-/);
  });

  it('answers a content script nothing about sign-in', async () => {
    await signedInWorker(() => undefined);
    sendMessagesAs(TEST_SENDERS.contentScript);
    expect([await signInApi.status(), await signInApi.signIn()]).toMatchObject([
      { ok: false, error: { error: 'content_script_refused' } },
      { ok: false, error: { error: 'content_script_refused' } },
    ]);
  });
});
