import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbPeopleStore } from './dynamodb-people-store.js';

let people: DynamoDbPeopleStore;
beforeAll(async () => {
  const table = await createTestTable();
  people = new DynamoDbPeopleStore(table.client, table.tableName);
});

const person = (userId: string, clinicId = 'clinic-a', name = `Person ${userId}`) => ({ clinicId, userId, name, email: `${userId}@clinic.example`, role: 'staff' as const });

describe('DynamoDbPeopleStore (DynamoDB Local)', () => {
  it('records activity of a person without a record by creating it', async () => {
    expect(await people.recordActivity(person('new', 'clinic-new'), '2026-12-04T08:00:00.000Z')).toBe('recorded');
    expect(await people.list('clinic-new')).toEqual([{ ...person('new', 'clinic-new'), lastActiveAt: '2026-12-04T08:00:00.000Z' }]);
  });

  it("keeps the last activity when ops update a person's identity", async () => {
    await people.recordActivity(person('u1', 'clinic-put'), '2026-12-04T08:00:00.000Z');
    await people.put({ ...person('u1', 'clinic-put'), role: 'admin' });
    expect(await people.list('clinic-put')).toEqual([{ ...person('u1', 'clinic-put'), role: 'admin', lastActiveAt: '2026-12-04T08:00:00.000Z' }]);
  });

  it('refuses to record activity of a disabled person', async () => {
    await people.put(person('off', 'clinic-off'));
    await people.disable(person('off', 'clinic-off'), '2026-12-04T09:00:00.000Z');
    expect(await people.recordActivity(person('off', 'clinic-off'), '2026-12-04T09:01:00.000Z')).toBe('disabled');
  });

  it('disables a person who had no record by creating a disabled one', async () => {
    await people.disable(person('unseen', 'clinic-unseen'), '2026-12-04T09:00:00.000Z');
    expect(await people.list('clinic-unseen')).toEqual([{ ...person('unseen', 'clinic-unseen'), disabledAt: '2026-12-04T09:00:00.000Z' }]);
  });

  it("lists one clinic's people by name, not another clinic's", async () => {
    await people.put(person('z', 'clinic-list', 'Zoe'));
    await people.put(person('a', 'clinic-list', 'Ana'));
    await people.put(person('o', 'clinic-elsewhere', 'Other'));
    expect((await people.list('clinic-list')).map((p) => p.name)).toEqual(['Ana', 'Zoe']);
  });
});
