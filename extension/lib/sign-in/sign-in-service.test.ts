import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeIssuer } from '../../test-support/fake-issuer';
import { createSignInService, REFRESH_MARGIN_MS } from './sign-in-service';

const REDIRECT = 'https://test-extension-id.chromiumapp.org/';

/** A sign-in service against a fake issuer, with a virtual clock (UTC epoch ms) the test moves. */
function setup(options: Parameters<typeof fakeIssuer>[0] = {}) {
  const issuer = fakeIssuer(options);
  const clock = { now: Date.UTC(2026, 11, 4, 9, 0, 0) };
  const service = createSignInService({
    fetch: issuer.fetch,
    launchWebAuthFlow: issuer.launchWebAuthFlow,
    redirectUrl: () => REDIRECT,
    now: () => clock.now,
    loadConfig: async () => ({ issuer: issuer.issuer, clientId: issuer.clientId }),
  });
  return { issuer, clock, service };
}

describe('staff sign-in (authorization code + PKCE)', () => {
  it('asks for a code with PKCE S256, state, nonce and prompt=login at the redirect URL, and exchanges it with the verifier', async () => {
    const { issuer, service } = setup();
    expect(await service.signIn()).toMatchObject({ ok: true });
    const params = Object.fromEntries(issuer.authorizeUrls[0]!.searchParams);
    expect(params).toMatchObject({
      client_id: 'vfc-extension',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      prompt: 'login',
    });
    expect(params['state']).toBeTruthy();
    expect(params['nonce']).toBeTruthy();
    // The fake token endpoint refuses a verifier that does not match the challenge, so this exchange proves it did.
    expect(issuer.tokenRequests.map((r) => [r['grant_type'], r['redirect_uri'], Boolean(r['code_verifier'])])).toEqual([['authorization_code', REDIRECT, true]]);
  });

  it("answers who signed in, with the role from the ID token's cognito:groups", async () => {
    const { service } = setup();
    expect(await service.signIn()).toEqual({ ok: true, status: 200, data: { state: 'signed_in', profile: { sub: 'u-1', name: 'Dr. Rivera', role: 'admin' } } });
  });

  it('keeps the access token in storage.session and the refresh token in storage.local, and no token beside the profile', async () => {
    const { service } = setup();
    await service.signIn();
    expect(await fakeBrowser.storage.session.get('vfcSignInAccess')).toMatchObject({ vfcSignInAccess: { accessToken: 'access-1' } });
    expect(await fakeBrowser.storage.local.get('vfcSignInRefresh')).toMatchObject({ vfcSignInRefresh: { refreshToken: 'refresh-1' } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get('vfcSignedIn'))).not.toMatch(/access-|refresh-/);
  });

  it('uses the stored access token while it has more than a minute left', async () => {
    const { issuer, clock, service } = setup();
    await service.signIn();
    clock.now += 3600_000 - REFRESH_MARGIN_MS - 1000;
    expect(await service.personToken()).toEqual({ kind: 'token', token: 'access-1' });
    expect(issuer.tokenRequests).toHaveLength(1);
  });

  it('refreshes silently when the access token has less than a minute left', async () => {
    const { issuer, clock, service } = setup();
    await service.signIn();
    clock.now += 3600_000 - REFRESH_MARGIN_MS + 1000;
    expect(await service.personToken()).toEqual({ kind: 'token', token: 'access-2' });
    expect(issuer.tokenRequests.map((r) => [r['grant_type'], r['refresh_token']])).toEqual([['authorization_code', undefined], ['refresh_token', 'refresh-1']]);
  });

  it('refreshes once for two calls that need it at the same time', async () => {
    const { issuer, service } = setup();
    await service.signIn();
    const [a, b] = await Promise.all([service.personToken({ force: true }), service.personToken({ force: true })]);
    expect([a, b]).toEqual([{ kind: 'token', token: 'access-2' }, { kind: 'token', token: 'access-2' }]);
    expect(issuer.tokenRequests.filter((r) => r['grant_type'] === 'refresh_token')).toHaveLength(1);
  });

  it('signs the person out when the issuer refuses the refresh token', async () => {
    const { issuer, service } = setup();
    await service.signIn();
    issuer.refuseRefresh('refresh-1');
    expect(await service.personToken({ force: true })).toMatchObject({ kind: 'failed', failure: { status: 401, error: { error: 'sign_in_expired' } } });
    expect(await service.status()).toEqual({ state: 'signed_out' });
    expect(await fakeBrowser.storage.local.get('vfcSignInRefresh')).toEqual({});
  });

  it('says the sign-in was cancelled when the window is closed', async () => {
    const issuer = fakeIssuer();
    const cancelling = createSignInService({
      fetch: issuer.fetch,
      launchWebAuthFlow: async () => {
        throw new Error('The user did not approve access.');
      },
      redirectUrl: () => REDIRECT,
      loadConfig: async () => ({ issuer: issuer.issuer, clientId: issuer.clientId }),
    });
    expect(await cancelling.signIn()).toMatchObject({ ok: false, error: { error: 'sign_in_cancelled', message: 'Sign-in was cancelled.' } });
    expect(await cancelling.status()).toEqual({ state: 'signed_out' });
  });

  it("refuses a plain http:// issuer on another computer in the production build, before any request", async () => {
    const issuer = fakeIssuer({ issuer: 'http://id.clinic.example' });
    const service = createSignInService({ fetch: issuer.fetch, production: true, launchWebAuthFlow: issuer.launchWebAuthFlow, redirectUrl: () => REDIRECT, loadConfig: async () => ({ issuer: issuer.issuer, clientId: issuer.clientId }) });
    expect(await service.signIn()).toMatchObject({ ok: false, error: { error: 'insecure_url' } });
    expect(issuer.authorizeUrls).toHaveLength(0);
  });

  it('signs in against a loopback http:// issuer (the local stack) in the production build', async () => {
    const issuer = fakeIssuer({ issuer: 'http://127.0.0.1:4300' });
    const service = createSignInService({ fetch: issuer.fetch, production: true, launchWebAuthFlow: issuer.launchWebAuthFlow, redirectUrl: () => REDIRECT, loadConfig: async () => ({ issuer: issuer.issuer, clientId: issuer.clientId }) });
    expect(await service.signIn()).toMatchObject({ ok: true, data: { state: 'signed_in' } });
  });

  it('signing out forgets every token and revokes the refresh token at the issuer', async () => {
    const { issuer, service } = setup();
    await service.signIn();
    expect(await service.signOut()).toEqual({ ok: true, status: 200, data: { state: 'signed_out' } });
    expect([await fakeBrowser.storage.session.get(), await fakeBrowser.storage.local.get()]).toEqual([{}, {}]);
    expect(issuer.revoked).toEqual(['refresh-1']);
  });

  it('answers not_configured without an issuer and client id', async () => {
    const service = createSignInService({ loadConfig: async () => undefined });
    expect(await service.status()).toEqual({ state: 'not_configured' });
  });
});
