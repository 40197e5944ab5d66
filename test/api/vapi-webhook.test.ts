import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Call } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { signVapiMessage } from '@vfc/backend/adapters/vapi/vapi-signature';
import { apiClient, pollUntil } from '../support/api.js';

/**
 * `POST /webhooks/vapi` on the real local stack: signature checks, and Vapi server messages applied to a dialled
 * call through the same use case as Retell's webhook. The Retell simulator rings for a minute here, so nothing but
 * these messages moves the call once it is dialling.
 */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ ringMs: 120_000 });
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

const post = (raw: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.apiUrl}/webhooks/vapi`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', ...headers } });
/**
 * A signed delivery. The webhook answers before the message is applied (asynchronous hand-over to
 * `apply-provider-event`): this resolves once the local Lambda stand-in has finished applying it.
 */
const signed = async (raw: string, secret = stack.vapiWebhookSecret, at = Date.now()) => {
  const timestamp = String(at);
  const res = await post(raw, { 'x-signature': signVapiMessage(secret, timestamp, raw), 'x-timestamp': timestamp });
  await stack.lambda.settled();
  return res;
};

async function dialledCall(phoneNumber: string): Promise<Call> {
  const created = await api('/calls', {
    method: 'POST',
    body: JSON.stringify({
      consultationId: '777',
      petName: 'Bella',
      ownerName: 'Ana Silva',
      phoneNumber,
      vetName: 'Dr. Chen',
      dischargeSummary: 'Spay; cone for 10 days.',
      scheduledFor: new Date(Date.now() + 1_000).toISOString(),
    }),
  });
  expect(created.status).toBe(201);
  return pollUntil(
    async () => Call.parse((await api(`/calls/${created.json.callId}`)).json),
    // Dialled and the provider's call id stored: nothing but the messages below changes the call after this.
    (call) => call.status === 'dialing' && call.retellCallId !== undefined,
    { timeoutMs: 20_000, intervalMs: 200, describe: (call) => `call stayed ${call.status} (provider call id ${call.retellCallId ?? 'not stored'})` },
  );
}

const message = (callId: string, fields: Record<string, unknown>) =>
  JSON.stringify({ message: { call: { id: 'vapi-call-1', assistantOverrides: { metadata: { call_id: callId, attempt: 1, clinic_id: 'demo' } } }, ...fields } });

const report = (callId: string) =>
  message(callId, {
    type: 'end-of-call-report',
    endedReason: 'customer-ended-call',
    startedAt: '2026-12-03T07:00:00.000Z',
    endedAt: '2026-12-03T07:02:00.000Z',
    artifact: {
      messages: [
        { role: 'bot', message: 'How is Bella?' },
        { role: 'user', message: 'She keeps scratching the stitches.' },
      ],
      recording: { mono: { combinedUrl: 'https://storage.example/rec.wav' } },
    },
    analysis: { summary: 'Bella scratches her stitches.', structuredData: { concern_level: 'minor', callback_requested: true, opt_out: false, owner_questions: 'When can the cone come off?' } },
  });

describe('POST /webhooks/vapi on the local stack', () => {
  it('a missing, wrong, stale or future signature gets 401 and changes nothing', async () => {
    const call = await dialledCall('(415) 555-0131');
    const raw = message(call.callId, { type: 'status-update', status: 'in-progress' });
    const ts = String(Date.now());
    expect((await post(raw)).status).toBe(401);
    expect((await post(raw, { 'x-timestamp': ts })).status).toBe(401);
    expect((await signed(raw, 'not-the-secret')).status).toBe(401);
    expect((await signed(raw, stack.vapiWebhookSecret, Date.now() - 6 * 60_000)).status).toBe(401);
    expect((await signed(raw, stack.vapiWebhookSecret, Date.now() + 6 * 60_000)).status).toBe(401);
    expect((await post(raw, { 'x-timestamp': ts, 'x-signature': signVapiMessage(stack.vapiWebhookSecret, ts, `${raw} `) })).status).toBe(401);
    const after = Call.parse((await api(`/calls/${call.callId}`)).json);
    expect(after).toMatchObject({ status: 'dialing', updatedAt: call.updatedAt });
    // the same body signed correctly is accepted: the refusals were about the signature alone
    expect((await signed(raw)).status).toBe(200);
    expect(Call.parse((await api(`/calls/${call.callId}`)).json).status).toBe('in_progress');
  });

  it('status-update then end-of-call-report completes the call with the analysis, transcript, recording and duration', async () => {
    const call = await dialledCall('(415) 555-0132');
    expect((await signed(message(call.callId, { type: 'status-update', status: 'in-progress' }))).status).toBe(200);
    expect((await signed(report(call.callId))).status).toBe(200);
    const done = Call.parse((await api(`/calls/${call.callId}`)).json);
    expect(done.status).toBe('completed');
    expect(done.outcome).toMatchObject({
      summary: 'Bella scratches her stitches.',
      disconnectionReason: 'agent_hangup',
      durationMs: 120_000,
      concernLevel: 'minor',
      callbackRequested: true,
      ownerQuestions: 'When can the cone come off?',
      recordingUrl: 'https://storage.example/rec.wav',
      transcript: [
        { role: 'agent', text: 'How is Bella?' },
        { role: 'owner', text: 'She keeps scratching the stitches.' },
      ],
    });
  });

  it('the report first, then a late status-update and redeliveries give the same result as one delivery', async () => {
    const call = await dialledCall('(415) 555-0133');
    const first = await signed(report(call.callId));
    expect({ status: first.status, body: await first.json() }).toEqual({ status: 200, body: { result: 'received' } });
    const once = Call.parse((await api(`/calls/${call.callId}`)).json);
    expect(once.status).toBe('completed');
    expect((await signed(message(call.callId, { type: 'status-update', status: 'in-progress' }))).status).toBe(200);
    expect((await signed(message(call.callId, { type: 'status-update', status: 'ended', endedReason: 'customer-ended-call' }))).status).toBe(200);
    const redelivery = await signed(report(call.callId));
    expect({ status: redelivery.status, body: await redelivery.json() }).toEqual({ status: 200, body: { result: 'redelivered' } });
    const again = Call.parse((await api(`/calls/${call.callId}`)).json);
    expect({ status: again.status, outcome: again.outcome, attempt: again.attempt }).toEqual({ status: once.status, outcome: once.outcome, attempt: once.attempt });
  });

  it('an unanswered Vapi call (customer-did-not-answer) is retried by the shared retry policy', async () => {
    const call = await dialledCall('(415) 555-0134');
    expect((await signed(message(call.callId, { type: 'end-of-call-report', endedReason: 'customer-did-not-answer', analysis: {}, artifact: {} }))).status).toBe(200);
    const after = Call.parse((await api(`/calls/${call.callId}`)).json);
    expect(after).toMatchObject({ status: 'scheduled', attempt: 2 });
  });
});
