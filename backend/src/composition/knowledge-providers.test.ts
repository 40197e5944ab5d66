import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clinic, OPEN_ALWAYS } from '@vfc/shared';
import { MemorySecretStore } from '../adapters/secrets/memory-secret-store.js';
import { startRetellSimulator, type RetellSimulator } from '../local/retell-simulator/retell-simulator.js';
import { startVapiSimulator, type VapiSimulator } from '../local/vapi-simulator/index.js';
import { knowledgeProvidersFromEnv } from './knowledge-providers.js';

/** Each simulator accepts only the clinic's OWN key: a request made with the platform's key is refused (401). */
let retell: RetellSimulator;
let vapi: VapiSimulator;
let providerFor: ReturnType<typeof knowledgeProvidersFromEnv>;
const secrets = new MemorySecretStore();
beforeAll(async () => {
  retell = await startRetellSimulator({ apiKey: 'own-retell-key' });
  vapi = await startVapiSimulator({ apiKey: 'own-vapi-key' });
  const env = { RETELL_API_KEY: 'platform-retell-key', RETELL_BASE_URL: retell.url, VAPI_API_KEY: 'platform-vapi-key', VAPI_BASE_URL: vapi.url };
  providerFor = knowledgeProvidersFromEnv(env, secrets);
  await secrets.putClinicKey('own-retell', 'own-retell-key');
  await secrets.putClinicKey('own-vapi', 'own-vapi-key');
});
afterAll(async () => {
  await retell?.stop();
  await vapi?.stop();
});

const clinic = (clinicId: string, voice?: Record<string, unknown>) =>
  Clinic.parse({ clinicId, name: 'Happy Paws', phoneNumber: '+14155550100', fromNumber: '+14155550100', agentId: 'agent_1', timezone: 'UTC', weeklyHours: OPEN_ALWAYS, ...(voice ? { voice } : {}) });
const own = (provider: 'retell' | 'vapi') => ({ provider, account: 'clinic', keyLast4: '1234', fromNumber: '+14155550100', status: 'ok' });

describe('knowledgeProvidersFromEnv', () => {
  it("reaches a clinic's own Retell workspace with that workspace's key", async () => {
    await expect(providerFor(clinic('own-retell', own('retell'))).create('Happy Paws')).resolves.toMatch(/^knowledge_base_sim/);
  });

  it("reaches a clinic's own Vapi org with that org's key", async () => {
    await expect(providerFor(clinic('own-vapi', own('vapi'))).create('Happy Paws')).resolves.toEqual(expect.any(String));
  });

  it("reaches the platform's Retell workspace with the platform key for a clinic without a key of its own", async () => {
    await expect(providerFor(clinic('platform-retell')).create('Happy Paws')).rejects.toThrow(/401/);
  });

  it("reaches the platform's Vapi org with the platform key for a Vapi clinic on the platform account", async () => {
    const platform = clinic('platform-vapi', { provider: 'vapi', account: 'platform', phoneNumberId: 'pn_1', status: 'ok' });
    await expect(providerFor(platform).create('Happy Paws')).rejects.toThrow(/401/);
  });

  it('fails with a clear message when the clinic has no own key stored', async () => {
    await expect(providerFor(clinic('keyless', own('vapi'))).create('Happy Paws')).rejects.toThrow("No API key is stored for the clinic's own voice account");
  });
});
