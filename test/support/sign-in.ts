import * as oauth from 'oauth4webapi';
import { SIGN_IN_SCOPES } from '@vfc/shared';

/** Where to sign in: the local identity provider's issuer and the extension's public client. */
export interface SignInClient {
  issuer: string;
  clientId: string;
  redirectUri: string;
}

/** The tokens of a finished sign-in. */
export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  /** The access token's lifetime, seconds. */
  expiresIn: number;
  /** The ID token's claims (checked by oauth4webapi: issuer, audience, expiry). */
  idClaims: oauth.IDToken | undefined;
}

/**
 * Every request on a fresh connection: a kept-alive socket the provider closed while a test waited on something else
 * would otherwise fail the next request with ECONNRESET.
 */
const freshConnection: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('connection', 'close');
  return fetch(input, { ...init, headers });
};

/** The local provider is plain HTTP on 127.0.0.1: oauth4webapi refuses that unless told. */
const insecure = { [oauth.allowInsecureRequests]: true, [oauth.customFetch]: freshConnection } as const;

/** The authorization server's metadata, from its discovery document. */
async function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(issuer);
  return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, insecure));
}

/**
 * Plays the browser's part: follows the provider's redirects with a cookie jar, fills the sign-in form with the email
 * and password, and stops at the redirect to `redirectUri`.
 * @returns the callback URL (with `code`, `state`, `iss`).
 * @throws Error when the sign-in page is shown again (wrong password, disabled person) or the chain is too long.
 */
async function browse(start: URL, redirectUri: string, email: string, password: string): Promise<URL> {
  const jar = new Map<string, string>();
  let request: { url: URL; init: RequestInit } = { url: start, init: {} };
  let posted = false;
  for (let hop = 0; hop < 10; hop += 1) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await freshConnection(request.url, { ...request.init, redirect: 'manual', headers: { ...(request.init.headers as Record<string, string>), cookie } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(redirectUri)) return next;
      request = { url: next, init: {} };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || posted) throw new Error(`sign-in stopped at ${request.url.pathname} (${res.status})`);
    posted = true;
    request = {
      url: new URL(action.replaceAll('&amp;', '&'), request.url),
      init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password }).toString() },
    };
  }
  throw new Error('sign-in: too many redirects');
}

/**
 * A real authorization-code + PKCE (S256) sign-in against the provider, as the extension does it, with `oauth4webapi`
 * as the client: discovery → authorization request → the sign-in page → code → token request (no client secret).
 */
export async function signIn(client: SignInClient, email: string, password: string): Promise<SignedIn> {
  const as = await discover(client.issuer);
  const oauthClient: oauth.Client = { client_id: client.clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const authorize = new URL(as.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    response_type: 'code',
    scope: SIGN_IN_SCOPES.join(' '),
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  }).toString();
  const callback = await browse(authorize, client.redirectUri, email, password);
  const params = oauth.validateAuthResponse(as, oauthClient, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(as, oauthClient, oauth.None(), params, client.redirectUri, verifier, insecure);
  const tokens = await oauth.processAuthorizationCodeResponse(as, oauthClient, response);
  if (!tokens.refresh_token) throw new Error('sign-in: no refresh token');
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresIn: tokens.expires_in ?? 0, idClaims: oauth.getValidatedIdTokenClaims(tokens) };
}

/**
 * Exchanges a refresh token for new tokens (`grant_type=refresh_token`, no client secret).
 * @throws oauth.ResponseBodyError (`invalid_grant`) when the provider refuses, e.g. for a disabled person.
 */
export async function refresh(client: SignInClient, refreshToken: string): Promise<{ accessToken: string }> {
  const as = await discover(client.issuer);
  const oauthClient: oauth.Client = { client_id: client.clientId };
  const response = await oauth.refreshTokenGrantRequest(as, oauthClient, oauth.None(), refreshToken, insecure);
  const tokens = await oauth.processRefreshTokenResponse(as, oauthClient, response);
  return { accessToken: tokens.access_token };
}
