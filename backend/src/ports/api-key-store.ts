import type { ApiKey, Role } from '@vfc/shared';

/** A key to store: its id, clinic, name, role, the token's SHA-256 (lower-case hex) and creation instant (UTC ISO). */
export interface NewApiKey {
  keyId: string;
  clinicId: string;
  name: string;
  role: Role;
  tokenHash: string;
  createdAt: string;
}

/** What recording one use of a key found: in use, revoked, or no such key (never created, or another clinic's). */
export type ApiKeyUse = 'recorded' | 'revoked' | 'missing';

/** What revoking a key found. */
export type ApiKeyRevocation = 'revoked' | 'already-revoked' | 'missing';

/**
 * A clinic's named API keys (machines and integrations, not people). The clear token is never stored: the
 * authorizer finds a key by its token's hash (`ClinicStore.findToken`), the handlers by its id.
 */
export interface ApiKeyStore {
  /** Stores a new key (its record and its hash lookup, atomically). @throws Error when the hash already exists. */
  create(key: NewApiKey): Promise<void>;
  /** The clinic's keys, revoked ones included, oldest first. */
  list(clinicId: string): Promise<ApiKey[]>;
  /** Marks a key revoked at `at` (UTC ISO): its record and its hash lookup. A second revocation changes nothing. */
  revoke(clinicId: string, keyId: string, at: string): Promise<ApiKeyRevocation>;
  /**
   * One conditional write per request: sets the key's `lastUsedAt` to `at` (UTC ISO) only if the key exists and is
   * not revoked; otherwise tells which of the two it was. This is what makes a revocation bite on the key's next
   * request although the gateway caches the authorizer's verdict.
   */
  recordUse(clinicId: string, keyId: string, at: string): Promise<ApiKeyUse>;
  /**
   * Makes the clinic's tokens stored before keys had ids (a hash lookup without `keyId`) into named keys: each gets an
   * id from `newId`, a record (name = its old label, else "<role> key"; created = its old creation instant, else `at`)
   * and its id on the lookup, written together and only if the lookup still has no id (two runs adopt each once).
   * Reads the whole table (a scan): an ops one-off. @returns the keys adopted by this run.
   */
  adoptLegacyTokens(clinicId: string, newId: () => string, at: string): Promise<ApiKey[]>;
}
