import { afterEach, describe, expect, it } from 'vitest';
import { startVapiRegistryWorld, type VapiRegistryWorld } from '../../local/test-support/vapi-registry-world.js';
import { AppError } from '../errors.js';
import { syncVapiAssistants } from './sync-vapi-assistants.js';
import { getVapiClinicAgentSettings, updateVapiClinicAgent } from './vapi-clinic-agent.js';

/** The agent editor on a Vapi clinic: DynamoDB Local and the Vapi simulator through the Vapi adapter. */
let world: VapiRegistryWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/** A world with one Vapi clinic whose assistant was synced (and given a voice); returns the clinic as stored. */
async function synced() {
  world = await startVapiRegistryWorld();
  await world.putClinic('vapi-1');
  await syncVapiAssistants(world.deps);
  const id = world.sim.assistants()[0]!.id;
  await world.platform.updateAssistant(id, { voice: { provider: '11labs', voiceId: 'burt', stability: 0.5 } });
  world.advance(1_000);
  return { clinic: (await world.clinics.getClinic('vapi-1'))!, id };
}

const without = (a: object, ...keys: string[]) => Object.fromEntries(Object.entries(a).filter(([k]) => !keys.includes(k)));

describe('updateVapiClinicAgent', () => {
  it('a first-message edit changes only firstMessage: every other field of the assistant is as before', async () => {
    const { clinic, id } = await synced();
    const before = world!.sim.assistants()[0]!;
    const settings = await updateVapiClinicAgent(world!.deps, clinic, { greeting: 'Hi, this is the clinic calling.' });
    const after = world!.sim.assistants()[0]!;
    expect(after.firstMessage).toBe('Hi, this is the clinic calling.');
    expect(without(after, 'firstMessage', 'updatedAt')).toEqual(without(before, 'firstMessage', 'updatedAt'));
    expect(settings.agent).toMatchObject({ agentId: id, greeting: 'Hi, this is the clinic calling.', provider: 'vapi' });
  });

  it('name, voice, prompt and max duration map to name, voice.voiceId (provider kept), the system message (model kept), maxDurationSeconds', async () => {
    const { clinic } = await synced();
    const before = world!.sim.assistants()[0]! as any;
    await updateVapiClinicAgent(world!.deps, clinic, { agentName: 'Front desk', voiceId: 'rachel', systemPrompt: 'Be brief.', maxCallDurationMs: 300_000 });
    const after = world!.sim.assistants()[0]! as any;
    expect(after.name).toBe('Front desk');
    expect(after.voice).toEqual({ provider: '11labs', voiceId: 'rachel', stability: 0.5 });
    expect(after.model).toEqual({ ...before.model, messages: [{ role: 'system', content: 'Be brief.' }] });
    expect(after.maxDurationSeconds).toBe(300);
    expect(without(after, 'name', 'voice', 'model', 'maxDurationSeconds', 'updatedAt')).toEqual(without(before, 'name', 'voice', 'model', 'maxDurationSeconds', 'updatedAt'));
  });

  it('extra analysis fields are added beside ours, and a later sync keeps them', async () => {
    const { clinic } = await synced();
    await updateVapiClinicAgent(world!.deps, clinic, { analysisFields: [{ type: 'string', name: 'pet_weight', description: 'The weight the owner reports.' }] });
    await syncVapiAssistants(world!.deps);
    const properties = (world!.sim.assistants()[0] as any).analysisPlan.structuredDataPlan.schema.properties;
    expect(Object.keys(properties)).toEqual(['concern_level', 'callback_requested', 'opt_out', 'owner_questions', 'pet_weight']);
  });

  it('a Retell-only field or one of our analysis field names is refused with 422 and nothing is sent', async () => {
    const { clinic } = await synced();
    const before = world!.sim.assistants();
    for (const request of [{ language: 'en-US' }, { analysisFields: [{ type: 'boolean' as const, name: 'opt_out', description: 'x' }] }]) {
      const error = await updateVapiClinicAgent(world!.deps, clinic, request).catch((e: unknown) => e);
      expect([(error as AppError).status, (error as AppError).code]).toEqual([422, 'validation_error']);
    }
    expect(world!.sim.assistants()).toEqual(before);
  });
});

describe('getVapiClinicAgentSettings', () => {
  it('shows the assistant as Vapi has it and the registry record', async () => {
    const { clinic, id } = await synced();
    const settings = await getVapiClinicAgentSettings(world!.deps, clinic);
    expect(settings).toMatchObject({ clinicId: 'vapi-1', agentId: id, usable: true, registry: { agentId: id, provider: 'vapi' } });
    expect(settings.agent).toMatchObject({ voiceId: 'burt', maxCallDurationMs: 600_000, analysisFieldNames: ['concern_level', 'callback_requested', 'opt_out', 'owner_questions'] });
  });
});
