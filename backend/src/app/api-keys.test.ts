import { describe, expect, it } from 'vitest';
import type { ApiKeyStore, NewApiKey } from '../ports/api-key-store.js';
import { createApiKey, recordApiKeyUse, revokeApiKey } from './api-keys.js';
import { hashToken } from './authenticate.js';

const NOW = new Date('2026-12-04T09:00:00.000Z');

/** An in-memory store that remembers what it was given and answers with fixed outcomes. */
function store(answers: { revoke?: Awaited<ReturnType<ApiKeyStore['revoke']>>; use?: Awaited<ReturnType<ApiKeyStore['recordUse']>> } = {}) {
  const created: NewApiKey[] = [];
  const uses: [string, string, string][] = [];
  const apiKeys: ApiKeyStore = {
    create: async (key) => void created.push(key),
    list: async () => [],
    revoke: async () => answers.revoke ?? 'revoked',
    recordUse: async (clinicId, keyId, at) => {
      uses.push([clinicId, keyId, at]);
      return answers.use ?? 'recorded';
    },
    adoptLegacyTokens: async () => [],
  };
  return { apiKeys, created, uses, clock: { now: () => NOW }, newId: () => 'key-1' };
}

describe('createApiKey', () => {
  it('stores only the hash of the token it returns, with the id, trimmed name, role and creation time', async () => {
    const deps = store();
    const { keyId, token } = await createApiKey(deps, { clinicId: 'c1', name: '  Front desk PC ', role: 'staff' });
    expect(deps.created).toEqual([{ keyId, clinicId: 'c1', name: 'Front desk PC', role: 'staff', tokenHash: hashToken(token), createdAt: NOW.toISOString() }]);
  });

  it('refuses an empty name (400)', async () => {
    await expect(createApiKey(store(), { clinicId: 'c1', name: '  ', role: 'staff' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('revokeApiKey', () => {
  it('answers 404 for a key the clinic does not have', async () => {
    await expect(revokeApiKey(store({ revoke: 'missing' }), 'c1', 'k9')).rejects.toMatchObject({ status: 404 });
  });
});

describe('recordApiKeyUse', () => {
  it("records the use at the clock's time", async () => {
    const deps = store();
    await recordApiKeyUse(deps, 'c1', 'k1');
    expect(deps.uses).toEqual([['c1', 'k1', NOW.toISOString()]]);
  });

  it('refuses a revoked key (401)', async () => {
    await expect(recordApiKeyUse(store({ use: 'revoked' }), 'c1', 'k1')).rejects.toMatchObject({ status: 401, message: 'This API key was revoked.' });
  });

  it('refuses a key that no longer exists (401)', async () => {
    await expect(recordApiKeyUse(store({ use: 'missing' }), 'c1', 'k1')).rejects.toMatchObject({ status: 401 });
  });
});
