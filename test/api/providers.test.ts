import Retell from 'retell-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Call, ListOptOutsResponse, UpdateClinicVoiceResponse } from '@vfc/shared';
import { OWN_RETELL_NUMBERS, startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { DEMO_CLINIC_ID } from '@vfc/backend/local/seed-demo';
import { apiClient, pollUntil, callRequestAt } from '../support/api.js';

/**
 * The main job, retries, the do-not-call-from-analysis path and webhook forgeries, on each provider the demo clinic
 * can call through, on the real local stack (DynamoDB Local, Scheduler emulator, Retell and Vapi simulators) at the
 * local time scale ×300 (the 5- and 10-minute retry delays take 1 and 2 real seconds). Each provider's block switches
 * the clinic with `PUT /clinic/voice` first, so any test runs alone with `-t`. Numbers differ per provider (the
 * simulators script outcomes by the last four digits and count dials per number).
 */
const SCALE = 300;
const VAPI_KEY = 'vapi-simulator-key-providers-0001';
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ timeScale: SCALE, callDurationMs: 300, vapiSimulatorApiKey: VAPI_KEY });
});
afterAll(() => stack?.stop());

const staff = apiClient(() => stack.apiUrl, () => stack.staffToken);
const admin = apiClient(() => stack.apiUrl, () => stack.adminToken);

const callTo = (phoneNumber: string, inMinutes = 10, consultationId = '310382') => callRequestAt(stack.now(), phoneNumber, inMinutes, consultationId);

const readCall = async (callId: string) => Call.parse((await staff(`/calls/${callId}`)).json);
/** The call once it ended; a completed call once its summary (post-call analysis) arrived too. */
const waitForTerminal = (callId: string): Promise<Call> =>
  pollUntil(() => readCall(callId), (call) => ['failed', 'cancelled'].includes(call.status) || (call.status === 'completed' && Boolean(call.outcome?.summary)), {
    timeoutMs: 45_000,
    intervalMs: 100,
    describe: (call) => `call still ${call.status} at attempt ${call.attempt}`,
  });

/** Our call ids each simulator was asked to place (from the metadata we send). */
const placedAt = {
  retell: (callId: string) => stack.simulator!.callLog().filter((r) => r.metadata.call_id === callId).length,
  vapi: (callId: string) => stack.vapiSimulator!.calls().filter((c) => (c.assistantOverrides?.metadata as { call_id?: string } | undefined)?.call_id === callId).length,
};

const PROVIDERS = [
  { provider: 'retell', account: 'retell:platform', area: '415', other: 'vapi', answeredAs: 'user_hangup' },
  // Vapi endings are classified into the retry policy's outcomes: an answered call's reason is recorded as agent_hangup.
  { provider: 'vapi', account: 'vapi:platform', area: '646', other: 'retell', answeredAs: 'agent_hangup' },
] as const;

describe.each(PROVIDERS)('on $provider (platform account)', ({ provider, account, area, other, answeredAs }) => {
  beforeAll(async () => {
    const saved = await admin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider }) });
    expect(saved.status).toBe(200);
    expect(UpdateClinicVoiceResponse.parse(saved.json).voice).toMatchObject({ provider, account: 'platform' });
  });

  it('a scheduled call is placed through this provider only and completes with the summary', async () => {
    const created = await staff('/calls', { method: 'POST', body: JSON.stringify(callTo(`+1${area}5550123`)) });
    expect(created.status).toBe(201);
    const done = await waitForTerminal(created.json.callId);
    expect(done).toMatchObject({ status: 'completed', attempt: 1 });
    expect(done.outcome?.summary).toContain('Rex');
    expect(done.attempts.map((a) => a.voiceAccount)).toEqual([account]);
    expect([placedAt[provider](done.callId), placedAt[other](done.callId)]).toEqual([1, 0]);
  });

  it('a number that does not answer twice, then answers, completes at attempt 3, every attempt on this provider', async () => {
    const number = `+1${area}5550106`; // both simulators' script 0106: no answer, no answer, answered
    const created = await staff('/calls', { method: 'POST', body: JSON.stringify(callTo(number)) });
    const done = await waitForTerminal(created.json.callId);
    expect(done).toMatchObject({ status: 'completed', attempt: 3 });
    expect(done.attempts.map((a) => a.disconnectionReason)).toEqual(['dial_no_answer', 'dial_no_answer', answeredAs]);
    expect(done.attempts.map((a) => a.voiceAccount)).toEqual([account, account, account]);
    expect([placedAt[provider](done.callId), placedAt[other](done.callId)]).toEqual([3, 0]);
  });

  it('an owner who asks on the call not to be called again is put on the do-not-call list from the analysis', async () => {
    const number = `+1${area}5550105`; // script 0105: answered, the analysis says opt_out
    const created = await staff('/calls', { method: 'POST', body: JSON.stringify(callTo(number, 10, `${area}105`)) });
    const done = await waitForTerminal(created.json.callId);
    expect(done.status).toBe('completed');
    const listed = await pollUntil(
      async () => ListOptOutsResponse.parse((await admin('/clinic/opt-outs')).json).items.filter((o) => o.phoneNumber === number),
      (items) => items.length === 1,
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(listed[0]).toMatchObject({ source: 'call', callId: done.callId });
    expect((await staff('/calls', { method: 'POST', body: JSON.stringify(callTo(number)) })).json.error).toBe('opted_out');
  });

  it('a forged ending for one of our calls gets 401 and changes nothing', async () => {
    const created = await staff('/calls', { method: 'POST', body: JSON.stringify(callTo(`+1${area}5550140`, 24 * 60)) });
    const before = await readCall(created.json.callId);
    const forged: { path: string; body: unknown; headers: Record<string, string> } =
      provider === 'retell'
        ? {
            path: '/webhooks/retell',
            body: { event: 'call_ended', call: { call_id: 'call_forged', metadata: { call_id: before.callId, attempt: 1 }, disconnection_reason: 'user_hangup' } },
            headers: { 'x-retell-signature': 'v=1,d=0000' },
          }
        : {
            path: '/webhooks/vapi',
            body: { message: { type: 'end-of-call-report', endedReason: 'customer-ended-call', call: { id: 'forged', assistantOverrides: { metadata: { call_id: before.callId, attempt: 1 } } } } },
            headers: { 'x-signature': '0'.repeat(64), 'x-timestamp': String(Date.now()) },
          };
    const headers = { 'content-type': 'application/json', ...forged.headers };
    const answer = await fetch(`${stack.apiUrl}${forged.path}`, { method: 'POST', body: JSON.stringify(forged.body), headers });
    expect(answer.status).toBe(401);
    await stack.lambda.settled();
    expect(await readCall(before.callId)).toEqual(before);
  });
});

describe("on the clinic's own Vapi account", () => {
  beforeAll(async () => {
    // The local Vapi simulator accepts the stack's key; saved as the clinic's own key it makes a separate account line.
    const saved = await admin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider: 'vapi', apiKey: VAPI_KEY, concurrencyLimit: 2 }) });
    expect(saved.status).toBe(200);
    expect(UpdateClinicVoiceResponse.parse(saved.json).voice).toMatchObject({ account: 'clinic', concurrencyLimit: 2 });
  });
  afterAll(async () => {
    await admin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider: 'retell' }) });
  });

  it("calls take the clinic account's slots, never the platform's", async () => {
    const created = await staff('/calls', { method: 'POST', body: JSON.stringify(callTo('+17185550123')) });
    const done = await waitForTerminal(created.json.callId);
    expect(done.status).toBe('completed');
    expect(done.attempts.map((a) => a.voiceAccount)).toEqual([`vapi:clinic:${DEMO_CLINIC_ID}`]);
    expect(placedAt.vapi(done.callId)).toBe(1);
  });
});

describe("on the clinic's own Retell account", () => {
  const own = {
    /** Our call ids the clinic's own simulated workspace was asked to place. */
    placed: (callId: string) => stack.simulator!.workspace(stack.retellClinicApiKey!)!.callLog().filter((r) => r.metadata.call_id === callId).length,
  };
  beforeAll(async () => {
    // The simulator's second workspace stands for the clinic's own Retell account (its own key, numbers and agents).
    const saved = await admin('/clinic/voice', {
      method: 'PUT',
      body: JSON.stringify({ provider: 'retell', apiKey: stack.retellClinicApiKey, fromNumber: OWN_RETELL_NUMBERS[0], concurrencyLimit: 2 }),
    });
    expect(saved.status).toBe(200);
    const { voice, sync } = UpdateClinicVoiceResponse.parse(saved.json);
    expect(voice).toMatchObject({ provider: 'retell', account: 'clinic', concurrencyLimit: 2, fromNumber: OWN_RETELL_NUMBERS[0] });
    expect(sync?.errors).toEqual([]);
  });
  afterAll(async () => {
    await admin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider: 'retell', apiKey: null }) });
  });

  it(`a call completes on retell:clinic:<id>, placed on the clinic's workspace only`, async () => {
    const created = await staff('/calls', { method: 'POST', body: JSON.stringify(callTo('+15035550123')) });
    expect(created.status).toBe(201);
    const done = await waitForTerminal(created.json.callId);
    expect(done).toMatchObject({ status: 'completed', attempt: 1 });
    expect(done.attempts.map((a) => a.voiceAccount)).toEqual([`retell:clinic:${DEMO_CLINIC_ID}`]);
    expect([own.placed(done.callId), placedAt.retell(done.callId), placedAt.vapi(done.callId)]).toEqual([1, 0, 0]);
  });

  it("a webhook for the clinic's call signed with the platform's key gets 401 and changes nothing", async () => {
    const created = await staff('/calls', { method: 'POST', body: JSON.stringify(callTo('+15035550140', 24 * 60)) });
    const before = await readCall(created.json.callId);
    const raw = JSON.stringify({
      event: 'call_ended',
      call: { call_id: 'call_platform_signed', metadata: { call_id: before.callId, attempt: 1 }, disconnection_reason: 'user_hangup' },
    });
    const headers = { 'content-type': 'application/json', 'x-retell-signature': await Retell.sign(raw, stack.webhookSigningKey) };
    const answer = await fetch(`${stack.apiUrl}/webhooks/retell`, { method: 'POST', body: raw, headers });
    expect(answer.status).toBe(401);
    await stack.lambda.settled();
    expect(await readCall(before.callId)).toEqual(before);
  });
});
