import * as oauth from 'oauth4webapi';
import type { FetchLike } from '../api-client';
import type { SignInConfig } from '../settings';
import { urlProblem } from '../url-policy';

/**
 * The OpenID Connect steps of staff sign-in on `oauth4webapi`: discovery (`<issuer>/.well-known/openid-configuration`),
 * the authorization request (code flow, PKCE S256, `state`, `nonce`), the code exchange and the refresh grant, all
 * as a public client (no secret). Nothing here touches storage or the browser: lib/sign-in/sign-in-service.ts does.
 */

/** The scopes asked for: `openid` (an ID token), `email` and `profile` (who the person is). */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'] as const;

/** How to reach the issuer: the fetch to use (default: the global one) and whether this is the production build. */
export interface OidcHttp {
  fetch?: FetchLike;
  production?: boolean;
}

/**
 * oauth4webapi's request options: our fetch, and plain http allowed only where the URL policy allows it
 * (lib/url-policy.ts: loopback in production, any http outside it).
 */
function requestOptions(url: string, http: OidcHttp) {
  const insecureAllowed = url.startsWith('http:') && urlProblem(url, http.production) === undefined;
  const fetchFn = http.fetch;
  return {
    ...(fetchFn ? { [oauth.customFetch]: (input: string, init: RequestInit) => fetchFn(input, init) } : {}),
    [oauth.allowInsecureRequests]: insecureAllowed,
  };
}

/**
 * Fetches and checks the issuer's discovery document (its `issuer` must equal `issuer` exactly).
 * @throws Error with `code: 'insecure_url'` for an issuer the URL policy refuses; oauth4webapi's errors otherwise.
 */
export async function discover(issuer: string, http: OidcHttp): Promise<oauth.AuthorizationServer> {
  if (urlProblem(issuer, http.production) === 'insecure') throw Object.assign(new Error('insecure issuer'), { code: 'insecure_url' });
  const issuerUrl = new URL(issuer);
  const response = await oauth.discoveryRequest(issuerUrl, { algorithm: 'oidc', ...requestOptions(issuer, http) });
  return oauth.processDiscoveryResponse(issuerUrl, response);
}

/** What the authorization request needs remembered until the browser comes back (kept in memory, never stored). */
export interface PendingAuthorization {
  /** The URL to open in the sign-in window. */
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/**
 * Builds the authorization request: `response_type=code`, PKCE S256, a fresh `state` and `nonce`, and
 * `prompt=login` so a shared computer never signs the next person in with the previous person's session at the issuer.
 */
export async function authorizationRequest(as: oauth.AuthorizationServer, config: SignInConfig, redirectUri: string): Promise<PendingAuthorization> {
  if (!as.authorization_endpoint) throw new Error('The issuer has no authorization endpoint');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: SIGN_IN_SCOPES.join(' '),
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    prompt: 'login',
  }).toString();
  return { url: url.href, state, nonce, codeVerifier, redirectUri };
}

/** Tokens from the token endpoint, with the ID token's claims when one came (checked: issuer, audience, expiry, nonce). */
export interface TokenSet {
  accessToken: string;
  /** Seconds the access token lives, as the issuer said (`expires_in`); `undefined` when it did not say. */
  expiresInSeconds: number | undefined;
  refreshToken: string | undefined;
  idClaims: oauth.IDToken | undefined;
}

function tokenSet(response: oauth.TokenEndpointResponse): TokenSet {
  return {
    accessToken: response.access_token,
    expiresInSeconds: response.expires_in,
    refreshToken: response.refresh_token,
    idClaims: oauth.getValidatedIdTokenClaims(response),
  };
}

/**
 * Checks the redirect the sign-in window ended on (its `state`, or the issuer's error) and exchanges the code,
 * with the PKCE verifier, for tokens. An ID token is required.
 * @throws oauth4webapi's `AuthorizationResponseError` (e.g. `access_denied`), `ResponseBodyError` or `OperationProcessingError`.
 */
export async function exchangeCode(as: oauth.AuthorizationServer, config: SignInConfig, pending: PendingAuthorization, callbackUrl: string, http: OidcHttp): Promise<TokenSet> {
  const client: oauth.Client = { client_id: config.clientId };
  const params = oauth.validateAuthResponse(as, client, new URL(callbackUrl), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, pending.redirectUri, pending.codeVerifier, requestOptions(as.token_endpoint ?? config.issuer, http));
  return tokenSet(await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true }));
}

/**
 * The refresh grant. The answer may carry a new refresh token (rotation) or none (Cognito keeps the old one valid).
 * @throws oauth4webapi's `ResponseBodyError` (`invalid_grant`: the refresh token was revoked, expired, or the person disabled).
 */
export async function refreshTokens(as: oauth.AuthorizationServer, config: SignInConfig, refreshToken: string, http: OidcHttp): Promise<TokenSet> {
  const client: oauth.Client = { client_id: config.clientId };
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, requestOptions(as.token_endpoint ?? config.issuer, http));
  return tokenSet(await oauth.processRefreshTokenResponse(as, client, response));
}

/** Revokes a refresh token when the issuer has a revocation endpoint (best effort: errors are swallowed). */
export async function revokeRefreshToken(as: oauth.AuthorizationServer, config: SignInConfig, refreshToken: string, http: OidcHttp): Promise<void> {
  if (!as.revocation_endpoint) return;
  try {
    const client: oauth.Client = { client_id: config.clientId };
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.None(), refreshToken, requestOptions(as.revocation_endpoint, http)));
  } catch {
    // Signing out goes on: the tokens are forgotten here either way.
  }
}

/** Was this error the issuer refusing the refresh token (`invalid_grant`), i.e. the person must sign in again? */
export function isRefreshRefused(error: unknown): boolean {
  return error instanceof oauth.ResponseBodyError && error.error === 'invalid_grant';
}
