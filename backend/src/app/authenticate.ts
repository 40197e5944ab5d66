import { createHash } from 'node:crypto';
import { ACCESS_TOKEN_CLAIMS } from '@vfc/shared';
import type { AccessTokenVerifier } from '../ports/access-token-verifier.js';
import type { ClinicStore, TokenGrant } from '../ports/clinic-store.js';
import type { Clock } from '../ports/clock.js';
import type { PeopleStore } from '../ports/people-store.js';
import { unauthorized } from './errors.js';
import { personGrant } from './person-grant.js';

/** Lower-case hex SHA-256 of an API token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Three base64url segments: a JWT (a person's access token), never one of our API keys (which have no dots). */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * What {@link authenticate} needs: the API-key lookup, the people store (a person's activity, and whether ops disabled
 * them), the clock of `lastActiveAt` and, when sign-in is configured, the access-token verifier.
 */
export interface AuthenticateDependencies {
  clinics: Pick<ClinicStore, 'findToken'>;
  people: Pick<PeopleStore, 'recordActivity'>;
  clock: Clock;
  /** Absent when sign-in is not configured: then every JWT is refused. */
  accessTokens?: AccessTokenVerifier;
}

/**
 * Resolves `Authorization: Bearer <token>` to a grant. A JWT is a signed-in person's access token: verified
 * (signature, issuer, client, expiry, `token_use`) and turned into a grant from its claims alone (no read); then ONE
 * conditional write records the person's activity (their record's `lastActiveAt`, name, email, role) and refuses a
 * person ops disabled. The gateway caches the verdict, so this happens at most once per cache TTL per token. Anything
 * else is a clinic API key, looked up by its SHA-256 (a revoked key is not found).
 * @throws AppError 401 when the header is missing, the token is unknown, revoked or fails verification, or the person
 * is disabled; 403 when a verified person is in no role group.
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
    const grant = personGrant(claims);
    const email = claims[ACCESS_TOKEN_CLAIMS.email];
    const identity = { clinicId: grant.clinicId, userId: grant.userId!, name: grant.name!, email: typeof email === 'string' ? email : '', role: grant.role };
    if ((await deps.people.recordActivity(identity, deps.clock.now().toISOString())) === 'disabled') {
      throw unauthorized('Your account was disabled: ask your clinic admin.');
    }
    return grant;
  }
  const grant = await deps.clinics.findToken(hashToken(token));
  if (!grant) throw unauthorized('The API token was not recognised.');
  return grant;
}
