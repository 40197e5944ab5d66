import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { vapiClientFactory } from '../../adapters/vapi/vapi-client.js';
import { VapiAccount } from '../../adapters/vapi/vapi-assistants.js';
import { verifyVapiSignature } from '../../adapters/vapi/vapi-signature.js';
import { VapiVoiceProvider } from '../../adapters/vapi/vapi-voice-provider.js';
import { PlaceCallError } from '../../ports/voice-provider.js';
import { VoiceAccountError } from '../../ports/voice-account.js';
import { startVapiSimulator, type VapiSimulator } from './index.js';

const KEY = 'vapi-sim-key';
const SECRET = 'vapi-whsec';
let sim: VapiSimulator | undefined;
let receiver: { close: () => void } | undefined;
afterEach(async () => {
  await sim?.stop();
  receiver?.close();
  sim = undefined;
});

/** A webhook receiver that records each message with whether its signature verified. */
async function startReceiver(): Promise<{ url: string; got: { type: string; ok: boolean; body: any }[] }> {
  const got: { type: string; ok: boolean; body: any }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const ok = verifyVapiSignature(SECRET, raw, req.headers['x-signature'] as string, req.headers['x-timestamp'] as string, Date.now());
      const body = JSON.parse(raw);
      got.push({ type: body.message.type, ok, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver = { close: () => server.close() };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/vapi`, got };
}

function adapters(url: string, key = KEY) {
  const client = vapiClientFactory(async () => key, url, 5_000);
  const account = new VapiAccount(client);
  return { account, provider: new VapiVoiceProvider(client, (n) => account.phoneNumberIdOf(n)) };
}

describe('Vapi simulator through the Vapi adapter', () => {
  it('places a call with our ids in assistantOverrides.metadata, sends signed status-update and end-of-call-report', async () => {
    const hook = await startReceiver();
    sim = await startVapiSimulator({ apiKey: KEY, webhookSecret: SECRET, serverUrl: hook.url, ringMs: 10, callDurationMs: 10 });
    const { account, provider } = adapters(sim.url);
    const assistant = await account.createAssistant({ name: 'Follow-up', metadata: { managedBy: 'vfc' } });
    const { providerCallId } = await provider.placeCall({
      fromNumber: '+15550100000',
      toNumber: '+15555550108',
      agentId: assistant.id,
      metadata: { call_id: 'c1', attempt: 1, clinic_id: 'k1', voice_account: 'vapi:platform' },
      dynamicVariables: { pet_name: 'Bella' },
    });
    await sim.settled();
    const [placed] = sim.calls();
    expect(placed?.assistantOverrides).toEqual({ metadata: { call_id: 'c1', attempt: 1, clinic_id: 'k1', voice_account: 'vapi:platform' }, variableValues: { pet_name: 'Bella' } });
    expect(hook.got.map((m) => [m.type, m.body.message.status ?? null, m.ok])).toEqual([
      ['status-update', 'in-progress', true],
      ['status-update', 'ended', true],
      ['end-of-call-report', null, true],
    ]);
    const report = hook.got[2]!.body.message;
    expect(report.analysis.structuredData).toMatchObject({ concern_level: 'urgent', callback_requested: true });
    expect(report.endedReason).toBe('customer-ended-call');
    const call = await provider.getCall(providerCallId);
    expect(call).toMatchObject({ status: 'ended', disconnectionReason: 'agent_hangup' });
    expect(await provider.findCallFor('c1', 1)).toMatchObject({ providerCallId });
    expect(await provider.findCallFor('c1', 2)).toBeUndefined();
  });

  it('an unanswered number ends customer-did-not-answer → dial_no_answer, without an in-progress update', async () => {
    sim = await startVapiSimulator({ apiKey: KEY, ringMs: 5 });
    const { account, provider } = adapters(sim.url);
    const assistant = await account.createAssistant({ name: 'A' });
    const { providerCallId } = await provider.placeCall({ fromNumber: '+15550100000', toNumber: '+15555550101', agentId: assistant.id, metadata: { call_id: 'c', attempt: 1, clinic_id: 'k', voice_account: 'vapi:platform' }, dynamicVariables: {} });
    await sim.settled();
    expect(await provider.getCall(providerCallId)).toMatchObject({ status: 'ended', disconnectionReason: 'dial_no_answer' });
  });

  it('refuses a call beyond the concurrency limit with 429 → rate_limited, and counts the peak', async () => {
    sim = await startVapiSimulator({ apiKey: KEY, concurrencyLimit: 2, ringMs: 60_000 });
    const { account, provider } = adapters(sim.url);
    const assistant = await account.createAssistant({ name: 'A' });
    const place = (n: string) => provider.placeCall({ fromNumber: '+15550100000', toNumber: n, agentId: assistant.id, metadata: { call_id: n, attempt: 1, clinic_id: 'k', voice_account: 'vapi:platform' }, dynamicVariables: {} });
    await place('+15555550001');
    await place('+15555550002');
    const refused = await place('+15555550003').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlaceCallError);
    expect((refused as PlaceCallError).kind).toBe('rate_limited');
    expect(sim.stats()).toMatchObject({ created: 2, peakConcurrency: 2, rejectedAtLimit: 1 });
  });

  it('a wrong key is invalid_credentials on the account read; a number outside the account is rejected', async () => {
    sim = await startVapiSimulator({ apiKey: KEY });
    const bad = await adapters(sim.url, 'wrong').account.listNumbers().catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(VoiceAccountError);
    expect((bad as VoiceAccountError).kind).toBe('invalid_credentials');
    const { provider, account } = adapters(sim.url);
    expect(await account.listNumbers()).toEqual([{ id: sim.phoneNumbers()[0]!.id, number: '+15550100000' }]);
    const refused = await provider.placeCall({ fromNumber: '+15550199999', toNumber: '+15555550001', agentId: 'x', metadata: { call_id: 'c', attempt: 1, clinic_id: 'k', voice_account: 'vapi:platform' }, dynamicVariables: {} }).catch((e: unknown) => e);
    expect((refused as PlaceCallError).kind).toBe('rejected');
  });

  it('PATCH /assistant changes only the fields sent', async () => {
    sim = await startVapiSimulator({ apiKey: KEY });
    const { account } = adapters(sim.url);
    const a = await account.createAssistant({ name: 'A', firstMessage: 'Hi', maxDurationSeconds: 300 });
    await account.updateAssistant(a.id, { firstMessage: 'Hello' });
    expect(await account.getAssistant(a.id)).toMatchObject({ name: 'A', firstMessage: 'Hello', maxDurationSeconds: 300 });
    expect(await account.getAssistant('missing')).toBeUndefined();
  });

  it('DELETE /assistant removes exactly that assistant; deleting it again reports it already gone', async () => {
    sim = await startVapiSimulator({ apiKey: KEY });
    const { account } = adapters(sim.url);
    const keep = await account.createAssistant({ name: 'Keep' });
    const gone = await account.createAssistant({ name: 'Gone' });
    expect(await account.deleteAssistant(gone.id)).toBe(true);
    expect(sim.assistants().map((a) => a.id)).toEqual([keep.id]);
    expect(await account.deleteAssistant(gone.id)).toBe(false);
  });
});
