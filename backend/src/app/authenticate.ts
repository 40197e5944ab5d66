import { createHash } from 'node:crypto';
import type { AccessTokenVerifier } from '../ports/access-token-verifier.js';
import type { ClinicStore, TokenGrant } from '../ports/clinic-store.js';
import { unauthorized } from './errors.js';
import { personGrant } from './person-grant.js';

/** Lower-case hex SHA-256 of an API token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Three base64url segments: a JWT (a person's access token), never one of our API keys (which have no dots). */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** What {@link authenticate} needs: the API-key lookup and, when sign-in is configured, the access-token verifier. */
export interface AuthenticateDependencies {
  clinics: Pick<ClinicStore, 'findToken'>;
  /** Absent when sign-in is not configured: then every JWT is refused. */
  accessTokens?: AccessTokenVerifier;
}

/**
 * Resolves `Authorization: Bearer <token>` to a grant. A JWT is a signed-in person's access token: verified
 * (signature, issuer, client, expiry, `token_use`) and turned into a grant from its claims alone, with no database
 * read. Anything else is a clinic API key, looked up by its SHA-256.
 * @throws AppError 401 when the header is missing, the token is unknown or fails verification; 403 when a verified
 * person is in no role group.
 */
export async function authenticate(deps: AuthenticateDependencies, authorization: string | undefined): Promise<TokenGrant> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw unauthorized('Missing API token: send Authorization: Bearer <token>.');
  const token = match[1]!;
  if (JWT_SHAPE.test(token)) {
    if (!deps.accessTokens) throw unauthorized('Sign-in is not configured on this API.');
    const claims = await deps.accessTokens.verify(token).catch(() => {
      throw unauthorized('The sign-in token is not valid (expired, or from another issuer or app): sign in again.');
    });
    return personGrant(claims);
  }
  const grant = await deps.clinics.findToken(hashToken(token));
  if (!grant) throw unauthorized('The API token was not recognised.');
  return grant;
}
