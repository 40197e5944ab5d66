import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clinic } from '@vfc/shared';
import { startRetellSimulator, type RetellSimulator } from '../local/retell-simulator/index.js';
import type { DialSlots } from '../ports/dial-slots.js';
import { PlaceCallError, type VoiceProvider } from '../ports/voice-provider.js';
import { createVoiceLines } from './voice-lines.js';

/** A clinic on its own Retell workspace (the simulator's second workspace), limit 3. */
const OWN_KEY = 'key_clinic_lines_0001';
const OWN_NUMBER = '+14155557777';
const clinic = { clinicId: 'c-1', voice: { provider: 'retell', account: 'clinic', agentId: 'agent_x', fromNumber: OWN_NUMBER, concurrencyLimit: 3, status: 'ok' } } as Clinic;
let sim: RetellSimulator;

beforeAll(async () => {
  sim = await startRetellSimulator({ apiKey: 'key_platform_lines', ringMs: 10_000 });
  sim.addWorkspace({ apiKey: OWN_KEY, numbers: [OWN_NUMBER] });
});
afterAll(() => sim.stop());

function linesWith(keys: Record<string, string>) {
  const scopes: [string, number][] = [];
  const lines = createVoiceLines({
    retell: {} as VoiceProvider,
    platformVapiKey: async () => 'unused',
    platformVapiLimit: 10,
    platformRetellLimit: 20,
    retellBaseUrl: sim.url,
    slotsFor: (scope, limit) => (scopes.push([scope, limit]), { scope } as unknown as DialSlots),
    clinics: { getClinic: async (id) => (id === clinic.clinicId ? clinic : undefined) },
    secrets: { getClinicKey: async (id) => keys[id] },
  });
  return { lines, scopes };
}

const request = { fromNumber: OWN_NUMBER, toNumber: '+14155550123', agentId: 'agent_x', dynamicVariables: {} };
const metadata = { call_id: 'call-1', attempt: 1, clinic_id: 'c-1', voice_account: 'retell:clinic:c-1' };

describe("createVoiceLines: a clinic's own Retell workspace", () => {
  it('is the account of that clinic, with its own slots at its saved limit', async () => {
    const { lines, scopes } = linesWith({ 'c-1': OWN_KEY });
    expect(await lines.accountOfClinic('c-1')).toBe('retell:clinic:c-1');
    const line = await lines.line('retell:clinic:c-1');
    expect(line.account).toBe('retell:clinic:c-1');
    expect(scopes.at(-1)).toEqual(['retell:clinic:c-1', 3]);
  });

  it("places the clinic's calls in its workspace with its key, never the platform's", async () => {
    const { lines } = linesWith({ 'c-1': OWN_KEY });
    const { providerCallId } = await (await lines.line('retell:clinic:c-1')).voice.placeCall({ ...request, metadata });
    expect(sim.workspace(OWN_KEY)!.callLog().map((r) => r.call_id)).toContain(providerCallId);
    expect(sim.callLog()).toEqual([]);
  });

  it('without a stored key the call is refused (rejected), nothing placed', async () => {
    const { lines } = linesWith({});
    const before = sim.workspace(OWN_KEY)!.stats().created;
    const refused = await (await lines.line('retell:clinic:c-1')).voice.placeCall({ ...request, metadata }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlaceCallError);
    expect((refused as PlaceCallError).kind).toBe('rejected');
    expect(sim.workspace(OWN_KEY)!.stats().created).toBe(before);
  });
});
