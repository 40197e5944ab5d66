import * as z from '../zod.js';
import { Role } from '../domain/clinic.js';
import { isoInstant } from './call.js';

/**
 * A clinic API key as ops list it: a bearer token for a machine or integration (not a person). The token itself is
 * shown once, at creation; only its SHA-256 is stored. Instants are UTC ISO strings.
 * - `keyId`: the key's id (not secret): what `ops revoke-api-key --key` takes and what the authorizer passes on.
 * - `name`: who or what uses it ("Front desk PC", "staff key"); recorded as the author of the key's changes.
 * - `lastUsedAt`: the key's last request that reached a handler; absent when never used.
 * - `revokedAt`: when it was revoked; a revoked key is refused on its next request.
 */
export const ApiKey = z.object({
  keyId: z.string().check(z.minLength(1)),
  clinicId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  role: Role,
  createdAt: isoInstant,
  lastUsedAt: z.optional(isoInstant),
  revokedAt: z.optional(isoInstant),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** A name for a new key: 1–80 characters after trimming. */
export const ApiKeyName = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));
