import { describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { signingAccountOf } from './webhook-signing-account.js';

/** A call whose attempt 1 went through the platform's Retell account and attempt 2 through the clinic's own workspace. */
const call = {
  callId: 'call-1',
  clinicId: 'c-1',
  attempt: 2,
  attempts: [
    { attempt: 1, scheduledFor: '2026-03-02T10:00:00Z', voiceAccount: 'retell:platform', retellCallId: 'call_retell_1' },
    { attempt: 2, scheduledFor: '2026-03-02T10:10:00Z', voiceAccount: 'retell:clinic:c-1', retellCallId: 'call_retell_2' },
  ],
} as unknown as CallRecord;
/** A call of the same clinic whose first attempt is not claimed yet (no account recorded). */
const scheduled = { callId: 'call-2', clinicId: 'c-1', attempt: 1, attempts: [{ attempt: 1, scheduledFor: '2026-03-03T10:00:00Z' }] } as unknown as CallRecord;
const deps = {
  clinics: { getClinic: async (clinicId: string) => ({ clinicId, voice: { provider: 'retell', account: 'clinic', status: 'ok' } }) as never },
  calls: {
    get: async (id: string) => (id === call.callId ? call : id === scheduled.callId ? scheduled : undefined),
    findByRetellCallId: async (id: string) => (call.attempts.some((a) => a.retellCallId === id) ? call : undefined),
  },
};

describe('signingAccountOf', () => {
  it("an attempt placed on the clinic's own workspace → that workspace", async () => {
    expect(await signingAccountOf(deps, { callId: 'call-1', attempt: 2, providerCallId: 'x' })).toBe('retell:clinic:c-1');
  });

  it("an attempt placed on the platform's account → the platform's, whatever the clinic uses now", async () => {
    expect(await signingAccountOf(deps, { callId: 'call-1', attempt: 1, providerCallId: 'x' })).toBe('retell:platform');
  });

  it('an attempt the call does not have → the account of its current attempt', async () => {
    expect(await signingAccountOf(deps, { callId: 'call-1', attempt: 99, providerCallId: 'x' })).toBe('retell:clinic:c-1');
  });

  it("no metadata: the attempt is found by Retell's call id", async () => {
    expect(await signingAccountOf(deps, { providerCallId: 'call_retell_2' })).toBe('retell:clinic:c-1');
  });

  it("an attempt not claimed yet → the account the clinic's calls go through now", async () => {
    expect(await signingAccountOf(deps, { callId: 'call-2', attempt: 1, providerCallId: 'x' })).toBe('retell:clinic:c-1');
  });

  it('a call we do not know → the platform account', async () => {
    expect(await signingAccountOf(deps, { callId: 'nope', attempt: 1, providerCallId: 'x' })).toBe('retell:platform');
  });
});
