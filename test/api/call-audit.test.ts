import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Call } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { LOCAL_REDIRECT_URI } from '@vfc/backend/local/identity-provider/redirect-uris';
import { apiClient } from '../support/api.js';
import { signIn } from '../support/sign-in.js';

/**
 * Per-person audit on the real local stack: each change to a call records who made it — `createdBy`, and `by` on
 * each entry of `changes` — from the signed-in person's token (or the API key's label).
 */
let stack: LocalStack;
let staffToken: string;
let adminToken: string;
beforeAll(async () => {
  stack = await startLocalStack();
  const client = { issuer: stack.identityProvider.issuer, clientId: stack.identityProvider.clientId, redirectUri: LOCAL_REDIRECT_URI };
  staffToken = (await signIn(client, stack.demoPeople.staff.email, stack.demoPeople.password)).accessToken;
  adminToken = (await signIn(client, stack.demoPeople.admin.email, stack.demoPeople.password)).accessToken;
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => staffToken);
const HOUR = 3_600_000;
const callTo = (phoneNumber: string) => ({
  consultationId: '310382',
  petName: 'Rex',
  ownerName: 'Jane Doe',
  phoneNumber,
  scheduledFor: new Date(Date.now() + HOUR).toISOString(),
});
const person = (p: { sub: string; name: string }) => ({ userId: p.sub, name: p.name });

describe('who changed a call', () => {
  it('records the signed-in staff member as the one who scheduled the call', async () => {
    const created = Call.parse((await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+14155550161')) })).json);
    expect(created.createdBy).toEqual(person(stack.demoPeople.staff));
  });

  it('records who rescheduled and who cancelled, in order, on the call', async () => {
    const created = (await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+14155550162')) })).json;
    const later = new Date(Date.now() + 2 * HOUR).toISOString();
    await api(`/calls/${created.callId}`, { method: 'PATCH', token: adminToken, body: JSON.stringify({ scheduledFor: later }) });
    const cancelled = Call.parse((await api(`/calls/${created.callId}`, { method: 'DELETE' })).json);
    expect(cancelled.changes?.map((change) => [change.action, change.by])).toEqual([
      ['created', person(stack.demoPeople.staff)],
      ['rescheduled', person(stack.demoPeople.admin)],
      ['cancelled', person(stack.demoPeople.staff)],
    ]);
  });

  it('records who resolved the call, by name in the resolution and as a person in the changes', async () => {
    const created = (await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+14155550163')) })).json;
    await api(`/calls/${created.callId}`, { method: 'DELETE' });
    const resolved = Call.parse((await api(`/calls/${created.callId}/resolve`, { method: 'POST', token: adminToken, body: '{}' })).json);
    expect([resolved.resolution?.resolvedBy, resolved.changes?.at(-1)]).toEqual([
      stack.demoPeople.admin.name,
      expect.objectContaining({ action: 'resolved', by: person(stack.demoPeople.admin) }),
    ]);
  });

  it("records an API key's change under the key's label", async () => {
    const created = Call.parse((await api('/calls', { method: 'POST', token: stack.staffToken, body: JSON.stringify(callTo('+14155550164')) })).json);
    expect(created.createdBy).toEqual({ userId: 'api-key', name: 'Demo clinic staff token' });
  });
});
