import { createHash } from 'node:crypto';
import type { ClinicStore, TokenGrant } from '../ports/clinic-store.js';
import { unauthorized } from './errors.js';

/** Lower-case hex SHA-256 of an API token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Resolves `Authorization: Bearer <token>` to the token's clinic and role.
 * @throws AppError 401 when the header is missing or the token is unknown.
 */
export async function authenticate(clinics: Pick<ClinicStore, 'findToken'>, authorization: string | undefined): Promise<TokenGrant> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw unauthorized('Missing API token: send Authorization: Bearer <token>.');
  const grant = await clinics.findToken(hashToken(match[1]!));
  if (!grant) throw unauthorized('The API token was not recognised.');
  return grant;
}
