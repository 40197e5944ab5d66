/**
 * Who is signed in, from the ID token's claims (not the userinfo endpoint: Cognito's userinfo carries no groups):
 * - role from `cognito:groups` (Cognito puts it in ID tokens), or a plain `groups` claim: `admin` when the person is
 *   in the `admin` group, else `staff` when in `staff`, else none. When the ID token has neither claim, the groups
 *   are read from the access token's payload (a JWT at Cognito and at the local provider; read, not verified: the API
 *   verifies it);
 * - the name from `name`, else `email`, else `sub`.
 * The role only decides what the pages show: the API decides what a token may do from the access token's claims.
 */
export type SignedInRole = 'admin' | 'staff';

/** The signed-in person as the pages show them ("Signed in as Dr. Rivera (admin)"). */
export interface SignedInProfile {
  /** The ID token's `sub`. */
  sub: string;
  name: string;
  /** `undefined` when the person is in neither group (the API will refuse them). */
  role: SignedInRole | undefined;
}

/** The claim names read (see the module comment). */
export const PROFILE_CLAIMS = { groups: ['cognito:groups', 'groups'], name: 'name', email: 'email' } as const;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The groups claims present in `claims` (`undefined` when it has none). */
function groupsIn(claims: Record<string, unknown>): string[] | undefined {
  const present = PROFILE_CLAIMS.groups.filter((claim) => claims[claim] !== undefined);
  if (present.length === 0) return undefined;
  return present.flatMap((claim) => {
    const value = claims[claim];
    return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  });
}

/** The payload of a JWT (no signature check), `{}` when `token` is not one. */
export function unverifiedJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part || token.split('.').length !== 3) return {};
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const payload: unknown = JSON.parse(json);
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The profile from verified ID token claims; `accessToken` is read for the groups only when the ID token has none.
 */
export function profileFromClaims(claims: Record<string, unknown> & { sub: string }, accessToken?: string): SignedInProfile {
  const groups = groupsIn(claims) ?? (accessToken ? groupsIn(unverifiedJwtPayload(accessToken)) : undefined) ?? [];
  const role: SignedInRole | undefined = groups.includes('admin') ? 'admin' : groups.includes('staff') ? 'staff' : undefined;
  return { sub: claims.sub, name: text(claims[PROFILE_CLAIMS.name]) ?? text(claims[PROFILE_CLAIMS.email]) ?? claims.sub, role };
}
