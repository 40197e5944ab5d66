import { afterEach, describe, expect, it } from 'vitest';
import { startVapiRegistryWorld, type VapiRegistryWorld } from '../../local/test-support/vapi-registry-world.js';
import { MANAGED_BY } from '../voice/clinic-assistant.js';
import { auditAgents } from './audit-agents.js';
import { auditVapiAssistants } from './audit-vapi-assistants.js';
import { syncVapiAssistants } from './sync-vapi-assistants.js';

/** The Vapi side of the audit on DynamoDB Local and the Vapi simulator (through the Vapi adapter). */
let world: VapiRegistryWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const tag = (clinicId: string) => ({ managedBy: MANAGED_BY, clinicId, role: 'follow_up' });

describe('auditVapiAssistants', () => {
  it('after a sync: no discrepancy, one active assistant, and the shared report scores 100', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await syncVapiAssistants(world.deps);
    const vapi = await auditVapiAssistants(world.deps);
    expect(vapi).toEqual({ discrepancies: [], active: 1, duplicates: 0, strays: [] });
    const report = await auditAgents({ ...world.deps, agentRegistry: world.retellRegistry, agentDirectory: undefined as never }, { vapi, snapshot: { summaries: [], details: new Map(), refused: new Map() } });
    expect([report.healthScore, report.counts.active, report.discrepancies]).toEqual([100, 1, []]);
  });

  it('a Vapi clinic before any sync: its assistant is missing (clinic_agent_not_active)', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    const vapi = await auditVapiAssistants(world.deps);
    expect(vapi.discrepancies.map((d) => [d.kind, d.clinicId])).toEqual([['clinic_agent_not_active', 'vapi-1']]);
    expect(vapi.active).toBe(0);
  });

  it('a second tagged assistant is a duplicate; a drifted backoffPlan and analysis schema are managed_fields_drift', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await syncVapiAssistants(world.deps);
    const id = world.sim.assistants()[0]!.id;
    await world.platform.updateAssistant(id, { server: { url: 'https://api.example.test/webhooks/vapi', credentialId: 'cred_hmac_1' }, analysisPlan: {} });
    const copy = await world.platform.createAssistant({ name: 'Copy', metadata: tag('vapi-1') });
    const vapi = await auditVapiAssistants(world.deps);
    expect(vapi.discrepancies.map((d) => [d.kind, d.agentId, d.detail])).toEqual([
      ['duplicate', copy.id, `another assistant tagged for clinic vapi-1; ${id} is used`],
      ['managed_fields_drift', id, 'drifted: server.backoffPlan, analysisPlan.structuredDataPlan (a sync rewrites them)'],
    ]);
  });

  it('tagged assistants of a missing clinic and of a clinic back on Retell are orphaned strays; untagged ones are not', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await world.putClinic('retell-1', 'retell');
    await syncVapiAssistants(world.deps);
    const gone = await world.platform.createAssistant({ name: 'Gone', metadata: tag('no-such-clinic') });
    const left = await world.platform.createAssistant({ name: 'Left', metadata: tag('retell-1') });
    await world.platform.createAssistant({ name: 'Hand-made', metadata: { clinicId: 'no-such-clinic' } });
    const vapi = await auditVapiAssistants(world.deps);
    expect(vapi.strays.map((s) => [s.assistant.id, s.reason])).toEqual([
      [gone.id, 'its clinic no-such-clinic does not exist'],
      [left.id, 'its clinic retell-1 is no longer on Vapi'],
    ]);
    expect(vapi.discrepancies.map((d) => d.kind)).toEqual(['orphaned', 'orphaned']);
  });

  it('a Vapi account that refuses the key is vapi_unreachable (and nothing else is claimed about its clinics)', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    const vapi = await auditVapiAssistants({ ...world.deps, platformVapiKey: async () => 'revoked-key' });
    expect(vapi.discrepancies.map((d) => d.kind)).toEqual(['vapi_unreachable']);
  });
});
