/**
 * Who is signed in, from the ID token's claims (not the userinfo endpoint: Cognito's userinfo carries no groups):
 * - role from `cognito:groups` (Cognito; the local provider issues the same claim), or a plain `groups` claim:
 *   `admin` when the person is in the `admin` group, else `staff` when in `staff`, else none;
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

/** The profile from verified ID token claims. */
export function profileFromClaims(claims: Record<string, unknown> & { sub: string }): SignedInProfile {
  const groups = PROFILE_CLAIMS.groups.flatMap((claim) => {
    const value = claims[claim];
    return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  });
  const role: SignedInRole | undefined = groups.includes('admin') ? 'admin' : groups.includes('staff') ? 'staff' : undefined;
  return { sub: claims.sub, name: text(claims[PROFILE_CLAIMS.name]) ?? text(claims[PROFILE_CLAIMS.email]) ?? claims.sub, role };
}
