import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbApiKeyStore } from './dynamodb-api-key-store.js';
import { DynamoDbClinicStore } from './dynamodb-clinic-store.js';

let keys: DynamoDbApiKeyStore;
let clinics: DynamoDbClinicStore;
let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
  keys = new DynamoDbApiKeyStore(table.client, table.tableName);
  clinics = new DynamoDbClinicStore(table.client, table.tableName);
});

const key = (keyId: string, clinicId = 'clinic-a', createdAt = '2026-12-01T10:00:00.000Z') => ({
  keyId,
  clinicId,
  name: `key ${keyId}`,
  role: 'staff' as const,
  tokenHash: `hash-${keyId}`,
  createdAt,
});

describe('DynamoDbApiKeyStore (DynamoDB Local)', () => {
  it('creates a key the authorizer finds by its hash, with its id', async () => {
    await keys.create(key('k1'));
    expect(await clinics.findToken('hash-k1')).toEqual({ clinicId: 'clinic-a', role: 'staff', label: 'key k1', keyId: 'k1' });
  });

  it('refuses a second key with the same token hash', async () => {
    await keys.create(key('k2'));
    await expect(keys.create({ ...key('k2b'), tokenHash: 'hash-k2' })).rejects.toThrow('This token already exists');
  });

  it("lists one clinic's keys oldest first, without their hashes' lookups or other clinics' keys", async () => {
    await keys.create(key('later', 'clinic-list', '2026-12-02T00:00:00.000Z'));
    await keys.create(key('earlier', 'clinic-list', '2026-12-01T00:00:00.000Z'));
    await keys.create(key('elsewhere', 'clinic-other'));
    expect((await keys.list('clinic-list')).map((k) => k.keyId)).toEqual(['earlier', 'later']);
  });

  it('records a use as lastUsedAt', async () => {
    await keys.create(key('used', 'clinic-use'));
    expect(await keys.recordUse('clinic-use', 'used', '2026-12-03T08:00:00.000Z')).toBe('recorded');
    expect((await keys.list('clinic-use'))[0]?.lastUsedAt).toBe('2026-12-03T08:00:00.000Z');
  });

  it('tells a revoked key from a missing one when recording a use', async () => {
    await keys.create(key('gone', 'clinic-rev'));
    await keys.revoke('clinic-rev', 'gone', '2026-12-03T09:00:00.000Z');
    expect([await keys.recordUse('clinic-rev', 'gone', '2026-12-03T09:01:00.000Z'), await keys.recordUse('clinic-rev', 'never', '2026-12-03T09:01:00.000Z')]).toEqual([
      'revoked',
      'missing',
    ]);
  });

  it('revokes once: the record shows when, and the hash no longer finds a grant', async () => {
    await keys.create(key('r1', 'clinic-r'));
    expect(await keys.revoke('clinic-r', 'r1', '2026-12-03T10:00:00.000Z')).toBe('revoked');
    expect(await keys.revoke('clinic-r', 'r1', '2026-12-03T11:00:00.000Z')).toBe('already-revoked');
    expect(await keys.revoke('clinic-r', 'nope', '2026-12-03T11:00:00.000Z')).toBe('missing');
    expect([(await keys.list('clinic-r'))[0]?.revokedAt, await clinics.findToken('hash-r1')]).toEqual(['2026-12-03T10:00:00.000Z', undefined]);
  });

  it("does not revoke another clinic's key by its id", async () => {
    await keys.create(key('theirs', 'clinic-x'));
    expect(await keys.revoke('clinic-y', 'theirs', '2026-12-03T10:00:00.000Z')).toBe('missing');
  });

  it("adopts a clinic's tokens stored before keys had ids, once each, and they can then be revoked by id", async () => {
    // As provisioning wrote them before named keys: the hash lookup only.
    const legacy = (hash: string, clinicId: string, role: string, label: string) =>
      table.client.send(new PutCommand({ TableName: table.tableName, Item: { pk: `TOKEN#${hash}`, sk: 'TOKEN', clinicId, role, label, createdAt: '2026-11-01T00:00:00.000Z' } }));
    await legacy('old-staff', 'clinic-legacy', 'staff', 'staff token');
    await legacy('old-admin', 'clinic-legacy', 'admin', 'admin token');
    await legacy('old-other', 'clinic-elsewhere', 'staff', 'staff token');
    await keys.create(key('named', 'clinic-legacy'));
    let n = 0;
    const adopted = await keys.adoptLegacyTokens('clinic-legacy', () => `adopted-${(n += 1)}`, '2026-12-04T10:00:00.000Z');
    expect(adopted.map((k) => `${k.name}/${k.role}/${k.createdAt}`).sort()).toEqual(['admin token/admin/2026-11-01T00:00:00.000Z', 'staff token/staff/2026-11-01T00:00:00.000Z']);
    expect(await keys.adoptLegacyTokens('clinic-legacy', () => 'again', '2026-12-04T10:05:00.000Z')).toEqual([]);
    expect((await keys.list('clinic-legacy')).map((k) => k.keyId).sort()).toEqual(['adopted-1', 'adopted-2', 'named']);
    const staffKey = adopted.find((k) => k.role === 'staff')!.keyId;
    expect(await clinics.findToken('old-staff')).toEqual({ clinicId: 'clinic-legacy', role: 'staff', label: 'staff token', keyId: staffKey });
    expect(await keys.revoke('clinic-legacy', staffKey, '2026-12-04T10:10:00.000Z')).toBe('revoked');
    expect([await clinics.findToken('old-staff'), (await clinics.findToken('old-other'))?.keyId]).toEqual([undefined, undefined]);
  });
});
