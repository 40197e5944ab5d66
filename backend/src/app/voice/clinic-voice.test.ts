import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clinic } from '@vfc/shared';
import { RetellAgentDirectory } from '../../adapters/retell/retell-agent-directory.js';
import { retellClientFactory } from '../../adapters/retell/retell-client.js';
import { RetellWorkspace } from '../../adapters/retell/retell-workspace.js';
import { MemorySecretStore } from '../../adapters/secrets/memory-secret-store.js';
import { startRetellSimulator, type RetellSimulator } from '../../local/retell-simulator/index.js';
import { demoClinic } from '../../local/seed-demo.js';
import type { ClinicStore } from '../../ports/clinic-store.js';
import { getClinicVoice, updateClinicVoice, type VoiceWorkspaceDeps } from './clinic-voice.js';

/** `updateClinicVoice` on a clinic's own Retell workspace: the Retell simulator's second workspace, in-memory clinic and secrets. */
const OWN_KEY = 'key_clinic_own_retell_9876';
const OWN_NUMBER = '+14155557777';
let sim: RetellSimulator;
let clinics: Map<string, Clinic>;
let secrets: MemorySecretStore;
let deps: VoiceWorkspaceDeps;
const logged: unknown[] = [];

beforeAll(async () => {
  sim = await startRetellSimulator({ apiKey: 'key_platform_clinic_voice' });
  sim.addWorkspace({ apiKey: OWN_KEY, numbers: [OWN_NUMBER] });
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.workspace(OWN_KEY)!.agents.clear(); // each test starts from an empty workspace
  clinics = new Map([['c-1', { ...demoClinic('America/New_York'), clinicId: 'c-1' }]]);
  secrets = new MemorySecretStore();
  const store = {
    getClinic: async (id: string) => structuredClone(clinics.get(id)),
    putClinic: async (clinic: Clinic) => void clinics.set(clinic.clinicId, structuredClone(clinic)),
    claimAgentSync: async () => true,
  } as unknown as ClinicStore;
  const log = (...args: unknown[]) => void logged.push(args);
  deps = {
    clinics: store,
    secrets,
    clock: { now: () => new Date('2026-03-02T10:00:00Z') },
    logger: { info: log, warn: log, error: log },
    vapiAccount: () => {
      throw new Error('not used');
    },
    vapiServer: () => undefined,
    platformVapiKey: async () => 'unused',
    retellWorkspace: (key) => {
      const client = retellClientFactory(async () => key, sim.url);
      const workspace = new RetellWorkspace(client);
      return { account: workspace, setup: workspace, directory: new RetellAgentDirectory(client) };
    },
    retellWebhookUrl: () => 'https://api.example/webhooks/retell',
    platformLimits: { retell: 20, vapi: 10 },
  };
});

describe('updateClinicVoice on an own Retell workspace', () => {
  it('a key Retell refuses → 400 invalid_credentials; the clinic and the secret store are unchanged', async () => {
    const before = structuredClone(clinics.get('c-1'));
    const refused = await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: 'key_nobody_has_1234', fromNumber: OWN_NUMBER }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, code: 'invalid_credentials' });
    expect([clinics.get('c-1'), await secrets.getClinicKey('c-1')]).toEqual([before, undefined]);
  });

  it('a number outside the workspace → 400 unknown_number; nothing stored', async () => {
    const before = structuredClone(clinics.get('c-1'));
    const refused = await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: '+14155550000' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, code: 'unknown_number' });
    expect([clinics.get('c-1'), await secrets.getClinicKey('c-1')]).toEqual([before, undefined]);
  });

  it('a good key: stored in the secret store only, the agent synced and reported, the view shows the last four and limit 20', async () => {
    logged.length = 0;
    const { voice, sync } = await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    expect(sync?.created).toHaveLength(1);
    expect(voice).toEqual({
      provider: 'retell',
      account: 'clinic',
      keyLast4: '9876',
      fromNumber: OWN_NUMBER,
      agentId: sync!.created[0],
      concurrencyLimit: 20,
      status: 'ok',
      verifiedAt: '2026-03-02T10:00:00.000Z',
    });
    expect(await secrets.getClinicKey('c-1')).toBe(OWN_KEY);
    expect(JSON.stringify([clinics.get('c-1'), logged])).not.toContain(OWN_KEY);
    expect(await getClinicVoice(deps, 'c-1')).toEqual(voice);
  });

  it('omitted apiKey keeps the stored key and agent; apiKey null goes back to the platform account and forgets the key', async () => {
    const first = await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    const kept = await updateClinicVoice(deps, 'c-1', { provider: 'retell', concurrencyLimit: 3 });
    expect(kept.voice).toMatchObject({ account: 'clinic', agentId: first.voice.agentId, concurrencyLimit: 3, keyLast4: '9876' });
    expect(kept.sync?.unchanged).toEqual([first.voice.agentId]);
    const back = await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: null });
    expect(back.voice).toMatchObject({ provider: 'retell', account: 'platform', agentId: 'agent_demo_followup', concurrencyLimit: 20 });
    expect(await secrets.getClinicKey('c-1')).toBeUndefined();
  });

  it('the agent sync failing is reported; the settings are saved without an agent (calls held)', async () => {
    vi.spyOn(deps, 'retellWebhookUrl').mockReturnValue(undefined);
    const { voice, sync } = await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    expect(sync?.errors).toHaveLength(1);
    expect(voice.agentId).toBeUndefined();
    expect(clinics.get('c-1')?.voice).toMatchObject({ provider: 'retell', account: 'clinic' });
  });
});

describe('updateClinicVoice and the knowledge base', () => {
  let resyncs: [string, { forget: boolean }][];
  beforeEach(() => {
    resyncs = [];
    deps.resyncKnowledge = async (clinicId, options) => void resyncs.push([clinicId, options]);
  });

  it("a move from the platform workspace to the clinic's own re-syncs the knowledge base there, forgetting the old copy", async () => {
    await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    expect(resyncs).toEqual([['c-1', { forget: true }]]);
  });

  it('a save that keeps the account and key asks for no knowledge sync', async () => {
    await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    resyncs = [];
    await updateClinicVoice(deps, 'c-1', { provider: 'retell', concurrencyLimit: 3 });
    expect(resyncs).toEqual([]);
  });

  it('a new key for the same account asks for a sync that keeps what the provider holds', async () => {
    await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    resyncs = [];
    await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    expect(resyncs).toEqual([['c-1', { forget: false }]]);
  });

  it('a failing re-sync is logged and the save stands', async () => {
    deps.resyncKnowledge = async () => {
      throw new Error('queue down');
    };
    logged.length = 0;
    const { voice } = await updateClinicVoice(deps, 'c-1', { provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_NUMBER });
    expect([voice.account, clinics.get('c-1')?.voice?.account]).toEqual(['clinic', 'clinic']);
    expect(logged).toContainEqual(['knowledge re-sync after a voice change failed', { clinicId: 'c-1', reason: 'queue down' }]);
  });
});
