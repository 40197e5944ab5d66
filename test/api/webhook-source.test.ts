import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Retell from 'retell-sdk';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiClient } from '../support/api.js';

// The stage setting `webhookSourceCidrs` reaches the webhook function as this variable (see the CDK stack); the local
// stack runs the same handler in this process, so setting it here before the stack starts configures it.
process.env.WEBHOOK_SOURCE_CIDRS = '100.20.5.228/32';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(async () => {
  await stack?.stop();
  delete process.env.WEBHOOK_SOURCE_CIDRS;
});

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

describe('webhook source allowlist (only the provider may send webhooks)', () => {
  it('refuses a correctly signed event from an address outside the list with 403, and the call is unchanged', async () => {
    const created = await api('/calls', {
      method: 'POST',
      body: JSON.stringify({ consultationId: '515151', petName: 'Rex', ownerName: 'Ana', phoneNumber: '(415) 555-5151', scheduledFor: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    const before = (await api(`/calls/${created.json.callId}`)).json;
    const raw = JSON.stringify({ event: 'call_started', call: { call_id: 'call_from_elsewhere', metadata: { call_id: created.json.callId, attempt: 1 } } });
    // The test talks to the stand-in from 127.0.0.1, which is not Retell's address.
    const answer = await api('/webhooks/retell', { method: 'POST', body: raw, token: null, headers: { 'x-retell-signature': await Retell.sign(raw, stack.webhookSigningKey) } });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error: 'forbidden', message: 'This source address may not send webhooks' });
    expect((await api(`/calls/${created.json.callId}`)).json).toEqual(before);
  });
});
