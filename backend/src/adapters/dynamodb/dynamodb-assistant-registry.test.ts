import { beforeEach, describe, expect, it } from 'vitest';
import type { RegistryAgent } from '@vfc/shared';
import { createTestTable } from '../../local/test-support/test-table.js';
import { DynamoDbAgentRegistry } from './dynamodb-agent-registry.js';
import { DynamoDbAssistantRegistry } from './dynamodb-assistant-registry.js';

let registry: DynamoDbAssistantRegistry;
let retell: DynamoDbAgentRegistry;
beforeEach(async () => {
  const table = await createTestTable();
  registry = new DynamoDbAssistantRegistry(table.client, table.tableName);
  retell = new DynamoDbAgentRegistry(table.client, table.tableName);
});

const record = (agentId: string, clinicId = 'clinic-1'): RegistryAgent => ({
  agentId,
  agentName: 'Clinic follow-up',
  version: 0,
  isPublished: true,
  lastModificationTimestamp: 0,
  lastSyncedAt: '2026-12-01T15:00:00.000Z',
  syncStatus: 'active',
  tags: [],
  provider: 'vapi',
  clinicId,
  role: 'follow_up',
  account: 'vapi:platform',
});

describe('DynamoDbAssistantRegistry', () => {
  it('of two assistants claimed for one clinic and role, exactly the first is recorded', async () => {
    expect(await registry.claim(record('asst-a'), undefined)).toBe(true);
    expect(await registry.claim(record('asst-b'), undefined)).toBe(false);
    expect((await registry.get('clinic-1', 'follow_up'))?.agentId).toBe('asst-a');
  });

  it('a claim naming the recorded assistant as expected replaces it; re-claiming the same assistant succeeds', async () => {
    await registry.claim(record('asst-a'), undefined);
    expect(await registry.claim(record('asst-a'), undefined)).toBe(true);
    expect(await registry.claim(record('asst-b'), 'asst-a')).toBe(true);
    expect((await registry.get('clinic-1', 'follow_up'))?.agentId).toBe('asst-b');
  });

  it('lists only Vapi records (the Retell registry does not see them, nor they it); remove deletes one', async () => {
    await registry.claim(record('asst-a', 'clinic-1'), undefined);
    await registry.claim(record('asst-b', 'clinic-2'), undefined);
    await retell.putMany([{ ...record('agent_retell'), provider: undefined, clinicId: undefined, role: undefined, account: undefined }]);
    expect((await registry.list()).map((r) => r.agentId)).toEqual(['asst-a', 'asst-b']);
    expect((await retell.list()).map((r) => r.agentId)).toEqual(['agent_retell']);
    await registry.remove('clinic-1', 'follow_up');
    expect((await registry.list()).map((r) => r.clinicId)).toEqual(['clinic-2']);
  });
});
