import * as z from '../zod.js';
import type { Role } from '../domain/clinic.js';

/**
 * The claims of a signed-in person's OpenID Connect access token that the API reads, declared once for the
 * authorizer, the Cognito pre-token-generation trigger (which adds `clinic_id`, `name` and `email` to Cognito access
 * tokens) and the local OpenID provider (which issues the same claims). See docs/sign-in.md.
 * - `client_id`: the app client the token was issued to (Cognito access tokens carry no `aud`).
 * - `token_use`: `access` (an ID token, `id`, is refused).
 * - `cognito:groups`: the person's groups; `admin` or `staff` give the role.
 * - `clinic_id`: the person's clinic (Cognito custom attribute `custom:clinic_id`, writable by admins only).
 * - `name`, `email`: who the person is, recorded as the author of changes.
 */
export const ACCESS_TOKEN_CLAIMS = {
  clientId: 'client_id',
  tokenUse: 'token_use',
  groups: 'cognito:groups',
  clinicId: 'clinic_id',
  name: 'name',
  email: 'email',
} as const;

/** The Cognito user attribute holding a person's clinic (set by ops when inviting; users cannot change it). */
export const CLINIC_USER_ATTRIBUTE = 'custom:clinic_id';

/** The groups that give a role, strongest first: a member of both is an admin. */
export const ROLE_GROUPS: readonly Role[] = ['admin', 'staff'];

/** The OAuth scopes the extension asks for at sign-in (Cognito issues a refresh token with the code flow anyway). */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'] as const;

/**
 * Who made a change to a call: a signed-in person (`userId` = the token's `sub`, `name` = their name or email) or a
 * machine API key (`userId` = `api-key`, `name` = the key's label). Stored on the call and on each history entry.
 */
export const Actor = z.object({ userId: z.string().check(z.minLength(1)), name: z.string().check(z.minLength(1)) });
export type Actor = z.infer<typeof Actor>;

/**
 * The extension id of the development and e2e builds, pinned by their manifest `key` (extension/build/dev-extension-key.ts):
 * the local identity provider allows its sign-in redirect, `https://<id>.chromiumapp.org/`, without configuration.
 */
export const DEV_EXTENSION_ID = 'ileaaafcpmlbndikpphpdkflhbmghlib';
