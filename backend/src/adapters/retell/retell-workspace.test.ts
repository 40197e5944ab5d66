import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VoiceAccountError } from '../../ports/voice-account.js';
import { startRetellSimulator, type RetellSimulator } from '../../local/retell-simulator/index.js';
import { retellClientFactory } from './retell-client.js';
import { RetellWorkspace } from './retell-workspace.js';

/** RetellWorkspace through the real retell-sdk against a second workspace of the Retell simulator. */
const OWN_KEY = 'key_clinic_workspace_numbers';
let sim: RetellSimulator;
const workspaceWith = (key: string) => new RetellWorkspace(retellClientFactory(async () => key, sim.url));

beforeAll(async () => {
  sim = await startRetellSimulator({ apiKey: 'key_platform_numbers' });
  sim.addWorkspace({ apiKey: OWN_KEY, numbers: ['+14155557777', '+14155558888'] });
});
afterAll(() => sim.stop());

describe('RetellWorkspace.listNumbers', () => {
  it("lists the workspace's numbers, each its own id", async () => {
    expect(await workspaceWith(OWN_KEY).listNumbers()).toEqual([
      { id: '+14155557777', number: '+14155557777' },
      { id: '+14155558888', number: '+14155558888' },
    ]);
  });

  it('a key Retell refuses → VoiceAccountError invalid_credentials', async () => {
    const refused = await workspaceWith('key_nobody_has').listNumbers().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(VoiceAccountError);
    expect((refused as VoiceAccountError).kind).toBe('invalid_credentials');
  });
});
