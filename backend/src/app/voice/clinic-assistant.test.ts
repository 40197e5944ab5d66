import { afterEach, describe, expect, it } from 'vitest';
import { VapiAccount } from '../../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory } from '../../adapters/vapi/vapi-client.js';
import { startVapiSimulator, type VapiSimulator } from '../../local/vapi-simulator/index.js';
import type { AssistantAccount } from '../../ports/voice-account.js';
import { MANAGED_BY, SERVER_BACKOFF_PLAN, syncClinicAssistant } from './clinic-assistant.js';

/** The assistant sync through the Vapi adapter against the local Vapi simulator (real HTTP, the SDK's requests). */
const KEY = 'vapi-sim-key-assistants';
const CLINIC = { clinicId: 'clinic-7', name: 'Happy Paws Veterinary of the Valley' };
const SERVER = { url: 'https://api.example.test/webhooks/vapi', credentialId: 'cred_hmac_1' };
let sim: VapiSimulator | undefined;
/** The simulator's clock (its `createdAt` / `updatedAt`), moved by hand. */
let nowMs = Date.parse('2026-12-01T15:00:00.000Z');
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

/** The Vapi adapter on a fresh simulator: it is the sync's `AssistantAccount` port itself. */
async function account(): Promise<{ vapi: VapiAccount; port: AssistantAccount }> {
  sim = await startVapiSimulator({ apiKey: KEY, now: () => nowMs });
  const vapi = new VapiAccount(vapiClientFactory(async () => KEY, sim.url, 5_000));
  return { vapi, port: vapi };
}

describe('syncClinicAssistant', () => {
  it('creates exactly one assistant for a clinic that has none: our server, 3 retries, the analysis schema, the tag', async () => {
    const { port } = await account();
    const { assistantId, report } = await syncClinicAssistant(port, CLINIC, SERVER);
    expect(report).toEqual({ created: [assistantId], updated: [], unchanged: [], duplicates: [] });
    const created = sim!.assistants();
    expect(created).toHaveLength(1);
    const assistant = created[0] as unknown as Record<string, any>;
    expect(assistant.name).toBe('Happy Paws Veterinary of the Valley foll'); // Vapi's 40-character limit
    expect(assistant.server).toEqual({ url: SERVER.url, credentialId: SERVER.credentialId, backoffPlan: SERVER_BACKOFF_PLAN });
    expect(assistant.serverMessages).toEqual(['status-update', 'end-of-call-report']);
    expect(Object.keys(assistant.analysisPlan.structuredDataPlan.schema.properties)).toEqual(['concern_level', 'callback_requested', 'opt_out', 'owner_questions']);
    expect(assistant.metadata).toEqual({ managedBy: MANAGED_BY, clinicId: 'clinic-7', role: 'follow_up' });
  });

  it('a second sync with nothing changed sends no update', async () => {
    const { port } = await account();
    const first = await syncClinicAssistant(port, CLINIC, SERVER);
    const updatedAt = sim!.assistants()[0]!.updatedAt;
    const again = await syncClinicAssistant(port, CLINIC, SERVER);
    expect(again).toEqual({ assistantId: first.assistantId, report: { created: [], updated: [], unchanged: [first.assistantId], duplicates: [] } });
    expect(sim!.assistants()[0]!.updatedAt).toBe(updatedAt);
  });

  it('a new webhook URL rewrites only the server; a greeting edited in Vapi is kept', async () => {
    const { vapi, port } = await account();
    const { assistantId } = await syncClinicAssistant(port, CLINIC, SERVER);
    await vapi.updateAssistant(assistantId, { firstMessage: 'Hi from the front desk!' });
    const moved = { url: 'https://api2.example.test/webhooks/vapi' };
    const { report } = await syncClinicAssistant(port, CLINIC, moved);
    expect(report.updated).toEqual([assistantId]);
    const assistant = sim!.assistants()[0] as unknown as Record<string, any>;
    expect(assistant.server).toEqual({ url: moved.url, backoffPlan: SERVER_BACKOFF_PLAN });
    expect(assistant.firstMessage).toBe('Hi from the front desk!');
  });

  it("another clinic's assistant and untagged assistants are not ours; two of ours: the newest is used, the other reported", async () => {
    const { vapi, port } = await account();
    await vapi.createAssistant({ name: 'Hand-made', metadata: { clinicId: 'clinic-7' } });
    await syncClinicAssistant(port, { clinicId: 'clinic-8', name: 'Other' }, SERVER);
    const older = await syncClinicAssistant(port, CLINIC, SERVER);
    expect(older.report.created).toHaveLength(1);
    nowMs += 1_000;
    const newer = await vapi.createAssistant({ name: 'Copy', metadata: { managedBy: MANAGED_BY, clinicId: 'clinic-7', role: 'follow_up' } });
    const { assistantId, report } = await syncClinicAssistant(port, CLINIC, SERVER);
    expect(assistantId).toBe(newer.id);
    expect(report.duplicates).toEqual([older.assistantId]);
    expect(sim!.assistants()).toHaveLength(4);
  });
});
