import { ACCESS_TOKEN_CLAIMS, ROLE_GROUPS } from '@vfc/shared';
import type { TokenGrant } from '../ports/clinic-store.js';
import { forbidden, unauthorized } from './errors.js';

/**
 * A signed-in person's grant from the VERIFIED claims of their access token (never from the request): clinic from
 * `clinic_id`, role from `cognito:groups` (`admin` wins over `staff`), `userId` from `sub`, `name` from `name`, else
 * `email`, else `sub`. No database read.
 * @throws AppError 401 without a clinic or subject, 403 when the person is in neither the `staff` nor the `admin` group.
 */
export function personGrant(claims: Record<string, unknown>): TokenGrant {
  const clinicId = claims[ACCESS_TOKEN_CLAIMS.clinicId];
  const sub = claims.sub;
  if (typeof clinicId !== 'string' || !clinicId || typeof sub !== 'string' || !sub) {
    throw unauthorized('The sign-in token names no clinic: ask your clinic admin to invite you again.');
  }
  const rawGroups = claims[ACCESS_TOKEN_CLAIMS.groups];
  const groups = Array.isArray(rawGroups) ? rawGroups.filter((g): g is string => typeof g === 'string') : [];
  const role = ROLE_GROUPS.find((group) => groups.includes(group));
  if (!role) throw forbidden('Your account is in neither the staff nor the admin group.');
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const name = text(claims[ACCESS_TOKEN_CLAIMS.name]) ?? text(claims[ACCESS_TOKEN_CLAIMS.email]) ?? sub;
  return { clinicId, role, userId: sub, name };
}
