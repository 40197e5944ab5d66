import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oauth from 'oauth4webapi';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { startIdentityProvider, type IdentityProvider } from '@vfc/backend/local/identity-provider/identity-provider';
import { LOCAL_REDIRECT_URI } from '@vfc/backend/local/identity-provider/redirect-uris';
import { LocalStaffDirectory } from '@vfc/backend/local/identity-provider/local-staff-directory';
import { apiClient } from '../support/api.js';
import { refresh, signIn, type SignInClient } from '../support/sign-in.js';

/**
 * Staff sign in as themselves on the real local stack: an authorization-code + PKCE flow against the local identity
 * provider (the Cognito stand-in) with oauth4webapi as the client, then the API with the access token, checked by the
 * same Lambda authorizer as in AWS (issuer, client, expiry, signature via the provider's JWKS).
 */
let stack: LocalStack;
let client: SignInClient;
const OTHER_CLINIC_EMAIL = 'someone@other-clinic.example';

beforeAll(async () => {
  stack = await startLocalStack();
  client = { issuer: stack.identityProvider.issuer, clientId: stack.identityProvider.clientId, redirectUri: LOCAL_REDIRECT_URI };
  stack.identityProvider.people.add({ email: OTHER_CLINIC_EMAIL, name: 'Other Clinic Vet', clinicId: 'other-clinic', role: 'admin', password: stack.demoPeople.password });
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);
const callRequest = () => ({
  consultationId: '310382',
  petName: 'Rex',
  ownerName: 'Jane Doe',
  phoneNumber: '+14155550142',
  scheduledFor: new Date(Date.now() + 3_600_000).toISOString(),
});

describe('sign-in through the local identity provider', () => {
  it('gives a signed-in staff member their clinic and the staff role', async () => {
    const { accessToken } = await signIn(client, stack.demoPeople.staff.email, stack.demoPeople.password);
    const answer = await api('/clinic', { token: accessToken });
    expect([answer.status, answer.json.clinicId, answer.json.role]).toEqual([200, 'demo-clinic', 'staff']);
  });

  it("puts the person's groups, name and email in the ID token, as Cognito does", async () => {
    const { idClaims } = await signIn(client, stack.demoPeople.admin.email, stack.demoPeople.password);
    expect([idClaims?.['cognito:groups'], idClaims?.name, idClaims?.email]).toEqual([['staff', 'admin'], 'Dr. Alex Rivera', stack.demoPeople.admin.email]);
  });

  it('lets a signed-in admin use an admin route', async () => {
    const { accessToken } = await signIn(client, stack.demoPeople.admin.email, stack.demoPeople.password);
    expect((await api('/clinic/settings', { token: accessToken })).status).toBe(200);
  });

  it("refuses a signed-in staff member's token on an admin route (the gateway's 403)", async () => {
    const { accessToken } = await signIn(client, stack.demoPeople.staff.email, stack.demoPeople.password);
    const answer = await api('/clinic/settings', { token: accessToken });
    expect([answer.status, answer.json]).toEqual([403, { message: 'Forbidden' }]);
  });

  it("shows another clinic's person nothing of the demo clinic's calls (404)", async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callRequest()) });
    const { accessToken } = await signIn(client, OTHER_CLINIC_EMAIL, stack.demoPeople.password);
    expect((await api(`/calls/${created.json.callId}`, { token: accessToken })).status).toBe(404);
  });

  it('refuses a token whose claims were changed after signing (tampered signature)', async () => {
    const { accessToken } = await signIn(client, stack.demoPeople.staff.email, stack.demoPeople.password);
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['staff', 'admin'] })).toString('base64url');
    const answer = await api('/clinic', { token: `${header}.${forged}.${signature}` });
    expect([answer.status, answer.json]).toEqual([403, { message: 'Forbidden' }]);
  });

  it('refuses a token from another issuer with the same client id and person', async () => {
    let stranger: IdentityProvider | undefined;
    try {
      stranger = await startIdentityProvider({ clientId: client.clientId, redirectUris: [LOCAL_REDIRECT_URI] });
      stranger.people.add({ email: 'copy@happypaws.example', name: 'Copy', clinicId: 'demo-clinic', role: 'admin', password: 'pw-Copy-1' });
      const { accessToken } = await signIn({ ...client, issuer: stranger.issuer }, 'copy@happypaws.example', 'pw-Copy-1');
      const answer = await api('/clinic', { token: accessToken });
      expect([answer.status, answer.json]).toEqual([403, { message: 'Forbidden' }]);
    } finally {
      await stranger?.stop();
    }
  });

  it('refreshes the access token of an enabled person', async () => {
    const { refreshToken } = await signIn(client, stack.demoPeople.admin.email, stack.demoPeople.password);
    const { accessToken } = await refresh(client, refreshToken);
    expect((await api('/clinic', { token: accessToken })).status).toBe(200);
  });

  it("refuses a disabled person's refresh (invalid_grant)", async () => {
    const email = 'leaver@happypaws.example';
    stack.identityProvider.people.add({ email, name: 'Leaver', clinicId: 'demo-clinic', role: 'staff', password: stack.demoPeople.password });
    const { refreshToken } = await signIn(client, email, stack.demoPeople.password);
    stack.identityProvider.people.disable(email);
    const refused = await refresh(client, refreshToken).catch((error: unknown) => error);
    expect(refused instanceof oauth.ResponseBodyError ? refused.error : refused).toBe('invalid_grant');
  });

  it('lets a person invited through the directory (ops invite-user) sign in, and refuses their refresh once disabled', async () => {
    const directory = new LocalStaffDirectory(stack.identityProvider.issuer, stack.identityProvider.adminKey);
    const invited = await directory.invite({ clinicId: 'demo-clinic', email: 'new.vet@happypaws.example', name: 'New Vet', role: 'staff' });
    const { accessToken, refreshToken } = await signIn(client, invited.email, invited.temporaryPassword!);
    const before = (await api('/clinic', { token: accessToken })).status;
    await directory.disable(invited.email);
    const refused = await refresh(client, refreshToken).catch((error: unknown) => error);
    expect([before, refused instanceof oauth.ResponseBodyError ? refused.error : refused]).toEqual([200, 'invalid_grant']);
  });

  it('refuses a wrong password on the sign-in page', async () => {
    const refused = await signIn(client, stack.demoPeople.staff.email, 'not-the-password').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
  });
});
