import { describe, expect, it, vi } from 'vitest';
import type { ApiKeyStore, NewApiKey } from '../ports/api-key-store.js';
import { hashToken } from '../app/authenticate.js';
import { apiKeyCommand, apiKeyLine } from './api-key-commands.js';

const NOW = new Date('2026-12-04T10:00:00.000Z');

/** Key-store fakes recording creations and revocations; `revoke` answers `revocation`. */
function fakes(revocation: Awaited<ReturnType<ApiKeyStore['revoke']>> = 'revoked') {
  const created: NewApiKey[] = [];
  const revoked: [string, string][] = [];
  const lines: string[] = [];
  const apiKeys: ApiKeyStore = {
    create: async (key) => void created.push(key),
    list: async (clinicId) => [{ keyId: 'k1', clinicId, name: 'Front desk', role: 'staff', createdAt: '2026-12-01T09:00:00.000Z', lastUsedAt: '2026-12-04T09:59:00.000Z' }],
    revoke: async (clinicId, keyId) => {
      revoked.push([clinicId, keyId]);
      return revocation;
    },
    recordUse: async () => 'recorded',
    adoptLegacyTokens: async (clinicId, newId, at) => [{ keyId: newId(), clinicId, name: 'staff token', role: 'staff', createdAt: at }],
  };
  return { deps: { apiKeys, clock: { now: () => NOW }, newId: () => 'k-new' }, created, revoked, lines, out: (line: string) => void lines.push(line) };
}

describe('ops create-api-key / list-api-keys / revoke-api-key', () => {
  it('creates a named key and prints the clear key once, storing only its hash', async () => {
    const f = fakes();
    const code = await apiKeyCommand('create-api-key', ['--clinic', 'c1', '--name', 'Billing sync', '--role', 'admin'], f.deps, f.out);
    const printed = /: (vfc_\S+)$/.exec(f.lines[0]!)?.[1];
    expect([code, f.created.length, f.created[0]?.name, f.created[0]?.tokenHash === hashToken(printed!), JSON.stringify(f.created).includes(printed!)]).toEqual([
      0,
      1,
      'Billing sync',
      true,
      false,
    ]);
  });

  it('refuses create without a role (exit 2)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = fakes();
    expect([await apiKeyCommand('create-api-key', ['--clinic', 'c1', '--name', 'X'], f.deps, f.out), f.created]).toEqual([2, []]);
  });

  it('lists each key with its name, role, creation and last use', async () => {
    const f = fakes();
    await apiKeyCommand('list-api-keys', ['--clinic', 'c1'], f.deps, f.out);
    expect(f.lines).toEqual(['k1  staff  created 2026-12-01T09:00:00.000Z  last used 2026-12-04T09:59:00.000Z  revoked -  Front desk']);
  });

  it("revokes the clinic's key by its id", async () => {
    const f = fakes();
    expect([await apiKeyCommand('revoke-api-key', ['--clinic', 'c1', '--key', 'k1'], f.deps, f.out), f.revoked]).toEqual([0, [['c1', 'k1']]]);
  });

  it('exits 1 when the clinic has no such key', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = fakes('missing');
    expect(await apiKeyCommand('revoke-api-key', ['--clinic', 'c1', '--key', 'nope'], f.deps, f.out)).toBe(1);
  });
});

describe('apiKeyLine', () => {
  it('shows a dash for a key never used and not revoked', () => {
    expect(apiKeyLine({ keyId: 'k2', clinicId: 'c1', name: 'New', role: 'admin', createdAt: '2026-12-04T10:00:00.000Z' })).toBe(
      'k2  admin  created 2026-12-04T10:00:00.000Z  last used -  revoked -  New',
    );
  });

  it('adopts the older tokens and lists each adopted key', async () => {
    const f = fakes();
    expect(await apiKeyCommand('adopt-api-keys', ['--clinic', 'c1'], f.deps, f.out)).toBe(0);
    expect(f.lines).toEqual(['1 older token(s) of c1 are now named keys:', 'k-new  staff  created 2026-12-04T10:00:00.000Z  last used -  revoked -  staff token']);
  });
});
