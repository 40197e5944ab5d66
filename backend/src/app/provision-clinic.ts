import { randomBytes, randomUUID } from 'node:crypto';
import { Clinic, type Role } from '@vfc/shared';
import type { ApiKeyStore } from '../ports/api-key-store.js';
import type { ClinicStore } from '../ports/clinic-store.js';
import { hashToken } from './authenticate.js';

/** A new API token: `vfc_` + 32 random bytes, base64url (256 bits of entropy). Shown once, stored only as a hash. */
export function newApiToken(): string {
  return `vfc_${randomBytes(32).toString('base64url')}`;
}

/** Tokens to issue; a given value is used as-is (the local stack's fixed demo tokens), otherwise one is generated. */
export type TokenRequest = { role: Role; label: string; token?: string };

/**
 * Creates (or replaces) a clinic and issues its API tokens: named clinic API keys (`label` = the key's name, e.g.
 * "staff key"), listed and revoked like any key. The ops CLI and the local stack's demo seed both use it.
 * @returns the clinic as stored and the clear tokens with their key ids (the only time the tokens exist outside the caller).
 * @throws ZodError when the clinic is invalid (e.g. not an IANA timezone); Error when a token already exists.
 */
/** Where a new clinic and its keys are written. */
export interface ProvisioningStores {
  clinics: Pick<ClinicStore, 'putClinic'>;
  apiKeys: Pick<ApiKeyStore, 'create'>;
}

export async function provisionClinic(
  { clinics, apiKeys }: ProvisioningStores,
  clinic: Clinic,
  tokens: TokenRequest[],
): Promise<{ clinic: Clinic; tokens: { role: Role; label: string; token: string; keyId: string }[] }> {
  const stored = Clinic.parse(clinic);
  await clinics.putClinic(stored);
  const issued = [];
  for (const request of tokens) {
    const token = request.token ?? newApiToken();
    const keyId = randomUUID();
    await apiKeys.create({ keyId, clinicId: stored.clinicId, name: request.label, role: request.role, tokenHash: hashToken(token), createdAt: new Date().toISOString() });
    issued.push({ role: request.role, label: request.label, token, keyId });
  }
  return { clinic: stored, tokens: issued };
}
