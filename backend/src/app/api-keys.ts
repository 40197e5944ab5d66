import { ApiKeyName, type ApiKey, type Role } from '@vfc/shared';
import type { ApiKeyStore } from '../ports/api-key-store.js';
import type { Clock } from '../ports/clock.js';
import { hashToken } from './authenticate.js';
import { AppError, invalidField, unauthorized } from './errors.js';
import { newApiToken } from './provision-clinic.js';

/** What the API key use cases need. */
export interface ApiKeyDependencies {
  apiKeys: ApiKeyStore;
  clock: Clock;
  newId: () => string;
}

/** A key just created: its id and the clear token, which exists nowhere else (only its SHA-256 is stored). */
export interface CreatedApiKey {
  keyId: string;
  token: string;
}

/**
 * Creates a named API key for a clinic: a new random token (see `newApiToken`), stored only as its SHA-256 with the
 * key's id, name, role and creation instant (UTC).
 * @throws AppError 400 when the name is empty or longer than 80 characters.
 */
export async function createApiKey(deps: ApiKeyDependencies, request: { clinicId: string; name: string; role: Role }): Promise<CreatedApiKey> {
  const name = ApiKeyName.safeParse(request.name);
  if (!name.success) throw invalidField('name', 'must be 1 to 80 characters');
  const token = newApiToken();
  const keyId = deps.newId();
  await deps.apiKeys.create({ keyId, clinicId: request.clinicId, name: name.data, role: request.role, tokenHash: hashToken(token), createdAt: deps.clock.now().toISOString() });
  return { keyId, token };
}

/** The clinic's keys (revoked ones included), oldest first. */
export function listApiKeys(deps: Pick<ApiKeyDependencies, 'apiKeys'>, clinicId: string): Promise<ApiKey[]> {
  return deps.apiKeys.list(clinicId);
}

/**
 * Makes the clinic's tokens from before named keys (made by `ops create-clinic` or the demo seed of an older version)
 * into named keys, listed and revocable by id like the others. Safe to run twice.
 * @returns the keys adopted now (none when every token already is a key).
 */
export function adoptLegacyApiKeys(deps: ApiKeyDependencies, clinicId: string): Promise<ApiKey[]> {
  return deps.apiKeys.adoptLegacyTokens(clinicId, deps.newId, deps.clock.now().toISOString());
}

/**
 * Revokes a clinic's key now: refused on its next request (the handlers check every API-key request, whatever the
 * gateway cached). Revoking a revoked key again is not an error.
 * @throws AppError 404 when the clinic has no key with this id.
 */
export async function revokeApiKey(deps: Pick<ApiKeyDependencies, 'apiKeys' | 'clock'>, clinicId: string, keyId: string): Promise<'revoked' | 'already-revoked'> {
  const outcome = await deps.apiKeys.revoke(clinicId, keyId, deps.clock.now().toISOString());
  if (outcome === 'missing') throw new AppError(404, 'not_found', 'The clinic has no API key with this id');
  return outcome;
}

/**
 * Records one request of an API key (its `lastUsedAt`) and, with the same single conditional write, refuses a key
 * that was revoked since the gateway cached its verdict.
 * @throws AppError 401 when the key is revoked or no longer exists.
 */
export async function recordApiKeyUse(deps: Pick<ApiKeyDependencies, 'apiKeys' | 'clock'>, clinicId: string, keyId: string): Promise<void> {
  const use = await deps.apiKeys.recordUse(clinicId, keyId, deps.clock.now().toISOString());
  if (use === 'revoked') throw unauthorized('This API key was revoked.');
  if (use === 'missing') throw unauthorized('The API token was not recognised.');
}
