import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenVerifier } from '../adapters/oidc/jose-access-token-verifier.js';
import type { ClinicStore } from '../ports/clinic-store.js';
import type { PeopleStore, PersonActivity, PersonIdentity } from '../ports/people-store.js';
import { authorizeRequest } from './authorize-request.js';
import { hashToken } from './authenticate.js';

const ISSUER = 'https://issuer.test/pool';
const CLIENT_ID = 'extension-client';
const STAFF_ROUTE = 'GET /calls/{callId}';
const ADMIN_ROUTE = 'PUT /clinic/settings';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let issuerKey: Key;
let strangerKey: Key;
let jwks: { keys: JWK[] };

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  issuerKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
});

/** The claims a Cognito access token carries after the pre-token-generation trigger. */
const personClaims = (overrides: Record<string, unknown> = {}) => ({
  client_id: CLIENT_ID,
  token_use: 'access',
  scope: 'openid email profile',
  'cognito:groups': ['staff'],
  clinic_id: 'clinic-a',
  name: 'Dr. Rivera',
  email: 'rivera@example.test',
  ...overrides,
});

async function accessToken(options: { claims?: Record<string, unknown>; issuer?: string; key?: Key; expiresAt?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(options.claims ?? personClaims())
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setSubject('user-123')
    .setIssuedAt(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 3600)
    .sign(options.key ?? issuerKey);
}

/** A clinic store whose every read fails: proves the person path reads nothing. */
const noReads: Pick<ClinicStore, 'findToken'> = {
  findToken: () => Promise.reject(new Error('the person path must not read the table')),
};

const NOW = new Date('2026-12-04T09:00:00.000Z');

/** A people store recording each activity it is asked to record, answering `answer`. */
function peopleStore(answer: PersonActivity = 'recorded') {
  const recorded: [PersonIdentity, string][] = [];
  const people: Pick<PeopleStore, 'recordActivity'> = {
    recordActivity: async (person, at) => {
      recorded.push([person, at]);
      return answer;
    },
  };
  return { people, recorded };
}

function deps(clinics: Pick<ClinicStore, 'findToken'> = noReads, people = peopleStore().people) {
  return {
    clinics,
    people,
    clock: { now: () => NOW },
    accessTokens: createAccessTokenVerifier({ issuer: ISSUER, clientId: CLIENT_ID, jwksUri: 'unused' }, createLocalJWKSet(jwks)),
  };
}

const bearer = (token: string) => `Bearer ${token}`;

describe('authorizeRequest with a signed-in person', () => {
  it('grants a good staff token its clinic, role, user id and name from the claims', async () => {
    const verdict = await authorizeRequest(deps(), bearer(await accessToken()), STAFF_ROUTE);
    expect(verdict).toEqual({ isAuthorized: true, context: { clinicId: 'clinic-a', role: 'staff', userId: 'user-123', name: 'Dr. Rivera' } });
  });

  it('grants a good admin token the admin role on an admin route', async () => {
    const token = await accessToken({ claims: personClaims({ 'cognito:groups': ['staff', 'admin'] }) });
    const verdict = await authorizeRequest(deps(), bearer(token), ADMIN_ROUTE);
    expect(verdict).toEqual({ isAuthorized: true, context: { clinicId: 'clinic-a', role: 'admin', userId: 'user-123', name: 'Dr. Rivera' } });
  });

  it('refuses a staff token on an admin route', async () => {
    expect(await authorizeRequest(deps(), bearer(await accessToken()), ADMIN_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses an expired token', async () => {
    const token = await accessToken({ expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect(await authorizeRequest(deps(), bearer(token), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses a token from another issuer', async () => {
    const token = await accessToken({ issuer: 'https://elsewhere.test/pool' });
    expect(await authorizeRequest(deps(), bearer(token), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses a token issued to another app client', async () => {
    const token = await accessToken({ claims: personClaims({ client_id: 'another-client' }) });
    expect(await authorizeRequest(deps(), bearer(token), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses an ID token (token_use id)', async () => {
    const token = await accessToken({ claims: personClaims({ token_use: 'id' }) });
    expect(await authorizeRequest(deps(), bearer(token), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses a token whose payload was changed after signing (tampered signature)', async () => {
    const [header, , signature] = (await accessToken()).split('.');
    const forged = Buffer.from(JSON.stringify({ ...personClaims({ clinic_id: 'clinic-b' }), iss: ISSUER, sub: 'user-123', exp: 9999999999 })).toString('base64url');
    expect(await authorizeRequest(deps(), bearer(`${header}.${forged}.${signature}`), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses a token signed by a key the issuer never published', async () => {
    const token = await accessToken({ key: strangerKey });
    expect(await authorizeRequest(deps(), bearer(token), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses a person in neither the staff nor the admin group', async () => {
    const token = await accessToken({ claims: personClaims({ 'cognito:groups': ['billing'] }) });
    expect(await authorizeRequest(deps(), bearer(token), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it('refuses a token without a clinic claim', async () => {
    const token = await accessToken({ claims: personClaims({ clinic_id: undefined }) });
    expect(await authorizeRequest(deps(), bearer(token), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it("gives another clinic's person only their own clinic, whatever the route", async () => {
    const token = await accessToken({ claims: personClaims({ clinic_id: 'clinic-b' }) });
    const verdict = await authorizeRequest(deps(), bearer(token), STAFF_ROUTE);
    expect(verdict.context?.clinicId).toBe('clinic-b');
  });

  it('refuses every JWT when sign-in is not configured', async () => {
    const { accessTokens: _none, ...withoutSignIn } = deps();
    expect(await authorizeRequest(withoutSignIn, bearer(await accessToken()), STAFF_ROUTE)).toEqual({ isAuthorized: false });
  });

  it("records the person's activity once per verdict, with their identity from the claims and the clock's time", async () => {
    const { people, recorded } = peopleStore();
    await authorizeRequest(deps(noReads, people), bearer(await accessToken()), STAFF_ROUTE);
    expect(recorded).toEqual([[{ clinicId: 'clinic-a', userId: 'user-123', name: 'Dr. Rivera', email: 'rivera@example.test', role: 'staff' }, NOW.toISOString()]]);
  });

  it('refuses a person ops disabled, although their token is valid', async () => {
    const verdict = await authorizeRequest(deps(noReads, peopleStore('disabled').people), bearer(await accessToken()), STAFF_ROUTE);
    expect(verdict).toEqual({ isAuthorized: false });
  });

  it('refuses a token that expired on a verifier clock set ahead (the local stack option)', async () => {
    const verifier = createAccessTokenVerifier({ issuer: ISSUER, clientId: CLIENT_ID, jwksUri: 'unused', clockAheadMs: 2 * 3600_000 }, createLocalJWKSet(jwks));
    const verdict = await authorizeRequest({ ...deps(), accessTokens: verifier }, bearer(await accessToken()), STAFF_ROUTE);
    expect(verdict).toEqual({ isAuthorized: false });
  });
});

describe('authorizeRequest with a clinic API key', () => {
  it('still grants a known API key its clinic, role and label beside sign-in', async () => {
    const clinics: Pick<ClinicStore, 'findToken'> = {
      findToken: async (hash) => (hash === hashToken('key-1') ? { clinicId: 'clinic-a', role: 'staff', label: 'Front desk', keyId: 'k-1' } : undefined),
    };
    expect(await authorizeRequest(deps(clinics), bearer('key-1'), STAFF_ROUTE)).toEqual({
      isAuthorized: true,
      context: { clinicId: 'clinic-a', role: 'staff', label: 'Front desk', keyId: 'k-1' },
    });
  });
});
