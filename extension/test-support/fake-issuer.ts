import { createHash } from 'node:crypto';
import type { FetchLike } from '../lib/api-client';

/** A person the fake issuer signs in. */
export interface FakePerson {
  sub: string;
  name?: string;
  email?: string;
  groups: string[];
}

export interface FakeIssuerOptions {
  issuer?: string;
  clientId?: string;
  person?: FakePerson;
  /** Access token lifetime the token endpoint announces (`expires_in`, s). */
  expiresIn?: number;
  /** Where requests that are not the issuer's go (the API). */
  api?: FetchLike;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Test helper: an OpenID Connect issuer in a stubbed `fetch` — discovery, token endpoint (authorization code with
 * PKCE S256 checked, refresh grant), revocation — plus the browser side of `launchWebAuthFlow`, which "signs in"
 * `person` and redirects with a code. ID tokens are unsigned-looking JWTs (RS256 header): oauth4webapi checks their
 * claims, not their signature, for tokens from the token endpoint. Every token endpoint request is recorded.
 */
export function fakeIssuer(options: FakeIssuerOptions = {}) {
  const issuer = options.issuer ?? 'https://id.clinic.example';
  const clientId = options.clientId ?? 'vfc-extension';
  let person: FakePerson = options.person ?? { sub: 'u-1', name: 'Dr. Rivera', email: 'rivera@clinic.example', groups: ['admin'] };
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string }>();
  const refused = new Set<string>();
  const tokenRequests: Record<string, string>[] = [];
  const revoked: string[] = [];
  const authorizeUrls: URL[] = [];
  let issued = 0;

  const idToken = (nonce?: string) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: issuer, aud: clientId, sub: person.sub, iat: now, exp: now + 3600, name: person.name, email: person.email, 'cognito:groups': person.groups, ...(nonce ? { nonce } : {}) };
    return `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'k1' }))}.${b64url(JSON.stringify(claims))}.${b64url('signature')}`;
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const tokens = (nonce?: string, withRefresh = true) => {
    issued += 1;
    return json(200, {
      access_token: `access-${issued}`,
      token_type: 'Bearer',
      expires_in: options.expiresIn ?? 3600,
      id_token: idToken(nonce),
      ...(withRefresh ? { refresh_token: `refresh-${issued}` } : {}),
    });
  };

  const fetch: FetchLike = async (input, init = {}) => {
    const url = new URL(input);
    if (url.origin !== new URL(issuer).origin) {
      if (options.api) return options.api(input, init);
      throw new TypeError('Failed to fetch');
    }
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        revocation_endpoint: `${issuer}/revoke`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    const params = Object.fromEntries(new URLSearchParams(String(init.body ?? '')));
    if (url.pathname.endsWith('/revoke')) {
      revoked.push(params['token'] ?? '');
      return new Response('', { status: 200 });
    }
    if (url.pathname.endsWith('/token')) {
      tokenRequests.push(params);
      if (params['client_id'] !== clientId) return json(401, { error: 'invalid_client' });
      if (params['grant_type'] === 'authorization_code') {
        const code = codes.get(params['code'] ?? '');
        codes.delete(params['code'] ?? '');
        const verifier = createHash('sha256').update(params['code_verifier'] ?? '').digest('base64url');
        if (!code || code.challenge !== verifier || code.redirectUri !== params['redirect_uri']) return json(400, { error: 'invalid_grant' });
        return tokens(code.nonce);
      }
      if (params['grant_type'] === 'refresh_token') {
        if (refused.has(params['refresh_token'] ?? '') || !params['refresh_token']?.startsWith('refresh-')) return json(400, { error: 'invalid_grant', error_description: 'Refresh Token has been revoked' });
        return tokens(undefined, false);
      }
    }
    return json(404, { error: 'not_found' });
  };

  /** The browser's side: the person signs in at the authorize URL; answers the redirect with a code and the state. */
  const launchWebAuthFlow = async (authorizeUrl: string): Promise<string> => {
    const url = new URL(authorizeUrl);
    authorizeUrls.push(url);
    const code = `code-${codes.size + 1}`;
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', nonce: url.searchParams.get('nonce') ?? '', redirectUri });
    return `${redirectUri}?code=${code}&state=${url.searchParams.get('state')}`;
  };

  return {
    issuer,
    clientId,
    fetch,
    launchWebAuthFlow,
    tokenRequests,
    revoked,
    authorizeUrls,
    /** The refresh token is refused from now on (the person was disabled). */
    refuseRefresh: (token: string) => refused.add(token),
    /** Who signs in next. */
    setPerson: (next: FakePerson) => {
      person = next;
    },
  };
}
