import { afterEach, describe, expect, it } from 'vitest';
import { startVapiRegistryWorld, type VapiRegistryWorld } from '../../local/test-support/vapi-registry-world.js';
import { MANAGED_BY } from '../voice/clinic-assistant.js';
import { cleanupVapiOrphans } from './cleanup-vapi-orphans.js';
import { syncVapiAssistants } from './sync-vapi-assistants.js';

/** The Vapi orphan clean-up on DynamoDB Local and the Vapi simulator (through the Vapi adapter). */
let world: VapiRegistryWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const tag = (clinicId: string) => ({ managedBy: MANAGED_BY, clinicId, role: 'follow_up' });

describe('cleanupVapiOrphans', () => {
  it('deletes exactly the tagged stray: the clinic’s assistant and an untagged assistant stay', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await syncVapiAssistants(world.deps);
    const used = world.sim.assistants()[0]!.id;
    const stray = await world.platform.createAssistant({ name: 'Stray', metadata: tag('no-such-clinic') });
    const handMade = await world.platform.createAssistant({ name: 'Hand-made' });
    const result = await cleanupVapiOrphans(world.deps);
    expect(result).toEqual({ removed: [{ agentId: stray.id, agentName: 'Stray', reason: 'deleted in Vapi: its clinic no-such-clinic does not exist' }], kept: [] });
    expect(world.sim.assistants().map((a) => a.id).sort()).toEqual([used, handMade.id].sort());
  });

  it('a clinic back on Retell: its assistant is deleted and its orphaned record removed', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await syncVapiAssistants(world.deps);
    await world.putClinic('vapi-1', 'retell');
    await syncVapiAssistants(world.deps);
    const result = await cleanupVapiOrphans(world.deps);
    expect(result.removed.map((r) => r.reason)).toEqual(['deleted in Vapi: its clinic vapi-1 is no longer on Vapi']);
    expect(world.sim.assistants()).toEqual([]);
    expect(await world.deps.assistants.list()).toEqual([]);
  });
});
