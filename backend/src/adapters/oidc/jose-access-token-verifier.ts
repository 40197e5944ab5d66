import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ACCESS_TOKEN_CLAIMS } from '@vfc/shared';
import type { AccessTokenVerifier } from '../../ports/access-token-verifier.js';

/** Where access tokens come from and whom they are for. */
export interface OidcSettings {
  /** Exact `iss` of the tokens, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC` (no trailing slash). */
  issuer: string;
  /** The app client the tokens must be issued to (`client_id` claim; `aud` too when the token has one). */
  clientId: string;
  /** The issuer's JSON Web Key Set (default `<issuer>/.well-known/jwks.json`, where Cognito publishes it). */
  jwksUri: string;
  /**
   * LOCAL STACK ONLY (`LOCAL_TOKEN_CLOCK_AHEAD_MS`, never set in AWS): the verifier's clock runs this many ms ahead of
   * the wall clock, so a test holds an honestly expired token (its `exp` passed on the verifier's clock) without waiting.
   */
  clockAheadMs?: number;
}

/** Environment variable of {@link OidcSettings.clockAheadMs} (the local stack's option `tokenClockAheadMs`). */
export const LOCAL_TOKEN_CLOCK_AHEAD_ENV = 'LOCAL_TOKEN_CLOCK_AHEAD_MS';

/**
 * The sign-in settings from `OIDC_ISSUER`, `OIDC_CLIENT_ID` and optionally `OIDC_JWKS_URI`; `undefined` when sign-in is
 * not configured (then only API keys are accepted).
 * @throws Error when only one of issuer and client id is set.
 */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  if (!issuer && !clientId) return undefined;
  if (!issuer || !clientId) throw new Error('Set both OIDC_ISSUER and OIDC_CLIENT_ID, or neither');
  const ahead = Number(env[LOCAL_TOKEN_CLOCK_AHEAD_ENV] ?? '');
  return { issuer, clientId, jwksUri: env.OIDC_JWKS_URI || `${issuer}/.well-known/jwks.json`, ...(ahead > 0 ? { clockAheadMs: ahead } : {}) };
}

/**
 * An {@link AccessTokenVerifier} on `jose`: RS256 signature against the issuer's keys (fetched once, cached, fetched
 * again when an unknown key id appears), `iss` exact, `exp` in the future (no leeway), `client_id` (and `aud` when
 * present) equal to the app client, `token_use` = `access`.
 * @param keys the key set to verify with (tests pass a local one); default: the remote set at `settings.jwksUri`.
 */
export function createAccessTokenVerifier(settings: OidcSettings, keys?: JWTVerifyGetKey): AccessTokenVerifier {
  const keySet = keys ?? createRemoteJWKSet(new URL(settings.jwksUri));
  return {
    async verify(token) {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: settings.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub', ACCESS_TOKEN_CLAIMS.clientId, ACCESS_TOKEN_CLAIMS.tokenUse],
        ...(settings.clockAheadMs ? { currentDate: new Date(Date.now() + settings.clockAheadMs) } : {}),
      });
      if (payload[ACCESS_TOKEN_CLAIMS.clientId] !== settings.clientId) throw new Error('The token was issued to another client');
      if (payload.aud !== undefined && ![payload.aud].flat().includes(settings.clientId)) throw new Error('The token is for another audience');
      if (payload[ACCESS_TOKEN_CLAIMS.tokenUse] !== 'access') throw new Error('Not an access token');
      return payload as Record<string, unknown>;
    },
  };
}
