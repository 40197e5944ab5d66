import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Retell from 'retell-sdk';
import { symmetric } from 'retell-sdk/lib/webhook_auth';
import { Call, ListCallsResponse } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { dynamoDbProvisioningStores } from '@vfc/backend/adapters/dynamodb/provisioning-stores';
import { provisionClinic } from '@vfc/backend/app/provision-clinic';
import { demoClinic } from '@vfc/backend/local/seed-demo';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { DynamoDbClinicStore } from '@vfc/backend/adapters/dynamodb/dynamodb-clinic-store';
import { apiClient, pollUntil } from '../support/api.js';

/** The main job end to end (schedule, dial, webhooks, outcome), run against the real local stack (DynamoDB Local, emulators, simulator). */
let stack: LocalStack;
let otherClinicToken: string;

beforeAll(async () => {
  stack = await startLocalStack({ callDurationMs: 800 });
  
  const { tokens } = await provisionClinic(dynamoDbProvisioningStores(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName), { ...demoClinic('America/New_York'), clinicId: 'other-clinic', name: 'Other' }, [
    { role: 'staff', label: 'other staff' },
  ]);
  otherClinicToken = tokens[0]!.token;
});
afterAll(() => stack?.stop());

const body = (overrides: Record<string, unknown> = {}) => ({
  consultationId: '310382',
  petName: 'Rex',
  ownerName: 'Ana Silva',
  phoneNumber: '(415) 555-0123',
  vetName: 'Dr. Chen',
  dischargeSummary: 'Dental cleaning; soft food for 3 days.',
  scheduledFor: new Date(Date.now() + 2_000).toISOString(),
  ...overrides,
});

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

const waitForStatus = (callId: string, wanted: string, withSummary = false, timeoutMs = 20_000): Promise<Call> =>
  pollUntil(
    async () => Call.parse((await api(`/calls/${callId}`)).json),
    (call) => call.status === wanted && (!withSummary || Boolean(call.outcome?.summary)),
    { timeoutMs, intervalMs: 200, describe: (call) => `call stayed ${call.status}, wanted ${wanted}` },
  );

describe('the main job on the local stack', () => {
  it('a call posted a few seconds ahead is dialled and reaches completed with the summary', async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(body()) });
    expect(created.status).toBe(201);
    const call = Call.parse(created.json);
    expect(call).toMatchObject({ status: 'scheduled', phoneNumber: '+14155550123', attempt: 1 });
    const done = await waitForStatus(call.callId, 'completed', true);
    expect(done.retellCallId).toMatch(/^call_/);
    expect(done.outcome?.summary).toContain('Rex');
    expect(done.outcome?.disconnectionReason).toBe('user_hangup');
    const list = ListCallsResponse.parse((await api('/calls?consultationId=310382')).json);
    expect(list.items.map((c) => c.callId)).toContain(call.callId);
  });

  it('the same Idempotency-Key with the same body gives one call and one schedule', async () => {
    const headers = { 'idempotency-key': 'dialog-submit-0001' };
    // Its own number (the per-number cap counts planned calls); an hour ahead, so the schedule is still there (not fired and deleted) when counted.
    const sent = JSON.stringify(body({ consultationId: '555', phoneNumber: '(415) 555-0124', scheduledFor: new Date(Date.now() + 3_600_000).toISOString() }));
    const first = await api('/calls', { method: 'POST', body: sent, headers });
    const second = await api('/calls', { method: 'POST', body: sent, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.json.callId).toBe(first.json.callId);
    const list = ListCallsResponse.parse((await api('/calls?consultationId=555')).json);
    expect(list.items).toHaveLength(1);
    expect(stack.scheduler.schedules().filter((s) => s.name.includes(first.json.callId))).toHaveLength(1);
  });

  it('the same Idempotency-Key with a different body is refused with 422 idempotency_key_reused and changes nothing', async () => {
    const headers = { 'idempotency-key': 'dialog-submit-0002' };
    const scheduledFor = new Date(Date.now() + 3_600_000).toISOString();
    const first = await api('/calls', { method: 'POST', body: JSON.stringify(body({ consultationId: '556', phoneNumber: '(415) 555-0125', scheduledFor })), headers });
    expect(first.status).toBe(201);
    const schedulesBefore = stack.scheduler.schedules().map((s) => s.name).sort();
    const reused = await api('/calls', {
      method: 'POST',
      body: JSON.stringify(body({ consultationId: '556', phoneNumber: '(415) 555-0125', scheduledFor, petName: 'Max' })),
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.json.error).toBe('idempotency_key_reused');
    const list = ListCallsResponse.parse((await api('/calls?consultationId=556')).json);
    expect(list.items.map((c) => [c.callId, c.petName])).toEqual([[first.json.callId, 'Rex']]);
    expect(stack.scheduler.schedules().map((s) => s.name).sort()).toEqual(schedulesBefore);
  });

  it('a bad phone number is a 400 naming phoneNumber; no token is 401; a wrong token is refused', async () => {
    const bad = await api('/calls', { method: 'POST', body: JSON.stringify(body({ phoneNumber: '12' })) });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('validation_error');
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toContain('phoneNumber');
    expect((await api('/calls?consultationId=1', { token: null })).status).toBe(401);
    expect((await api('/calls?consultationId=1', { token: 'vfc_wrong' })).status).toBe(403);
  });

  it("another clinic's token cannot read or cancel the call", async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(body({ scheduledFor: new Date(Date.now() + 3_600_000).toISOString() })) });
    const callId = created.json.callId;
    expect((await api(`/calls/${callId}`, { token: otherClinicToken })).status).toBe(404);
    expect((await api(`/calls/${callId}`, { token: otherClinicToken, method: 'DELETE' })).status).toBe(404);
    expect((await api('/calls?consultationId=310382', { token: otherClinicToken })).json.items).toEqual([]);
    const cancelled = await api(`/calls/${callId}`, { method: 'DELETE' });
    expect(cancelled.json.status).toBe('cancelled');
    expect((await api(`/calls/${callId}`, { method: 'DELETE' })).status).toBe(409);
  });

  it('a forged or stale webhook gets 401 and changes nothing', async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(body({ scheduledFor: new Date(Date.now() + 3_600_000).toISOString() })) });
    const callId = created.json.callId;
    const raw = JSON.stringify({ event: 'call_ended', call: { call_id: 'call_forged', metadata: { call_id: callId, attempt: 1 }, disconnection_reason: 'user_hangup' } });
    const post = (signature?: string) =>
      api('/webhooks/retell', { method: 'POST', body: raw, token: null, headers: signature ? { 'x-retell-signature': signature } : {} });
    expect((await post()).status).toBe(401);
    expect((await post(await Retell.sign(raw, 'not-the-key'))).status).toBe(401);
    expect((await post(await symmetric.sign(raw, stack.webhookSigningKey, Date.now() - 6 * 60_000))).status).toBe(401);
    // the same body correctly signed now is accepted: the refusals above were about the signature alone
    const accepted = await post(await Retell.sign(raw, stack.webhookSigningKey));
    expect(accepted.status).toBe(200);
    const after = (await api(`/calls/${callId}`)).json;
    // a signed event for an attempt that was never dialled is recorded but cannot end a scheduled call
    expect(after).toMatchObject({ status: 'scheduled' });
    expect(after.updatedAt).toBe(created.json.updatedAt);
  });
});
