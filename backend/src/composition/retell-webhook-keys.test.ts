import Retell from 'retell-sdk';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { RetellWebhookVerifier } from '../adapters/retell/retell-webhook-verifier.js';
import { retellWebhookKeys } from './retell-webhook-keys.js';

const PLATFORM_KEY = 'key_platform_webhooks';
const CLINIC_KEY = 'key_clinic_own_webhooks';
const ownCall = { callId: 'own-1', clinicId: 'c-1', attempt: 1, attempts: [{ attempt: 1, voiceAccount: 'retell:clinic:c-1' }] } as unknown as CallRecord;
const platformCall = { callId: 'plat-1', clinicId: 'c-2', attempt: 1, attempts: [{ attempt: 1, voiceAccount: 'retell:platform' }] } as unknown as CallRecord;
const calls = new Map([ownCall, platformCall].map((c) => [c.callId, c]));
const keysWith = (clinicKeys: Record<string, string>) =>
  retellWebhookKeys({
    calls: { get: async (id) => calls.get(id), findByRetellCallId: async () => undefined },
    clinics: { getClinic: async () => undefined },
    secrets: { getClinicKey: async (clinicId) => clinicKeys[clinicId] },
    platformKey: async () => PLATFORM_KEY,
  });
const body = (callId: string) => JSON.stringify({ event: 'call_ended', call: { call_id: 'call_x', metadata: { call_id: callId, attempt: 1 } } });

describe('retellWebhookKeys', () => {
  it("a call placed on the clinic's own workspace → the clinic's key", async () => {
    expect(await keysWith({ 'c-1': CLINIC_KEY })(body('own-1'))).toBe(CLINIC_KEY);
  });

  it("a platform call, an unknown call and a body that is not a Retell event → the platform's key", async () => {
    const keyOf = keysWith({ 'c-1': CLINIC_KEY });
    expect([await keyOf(body('plat-1')), await keyOf(body('unknown')), await keyOf('not json')]).toEqual([PLATFORM_KEY, PLATFORM_KEY, PLATFORM_KEY]);
  });

  it('an own-workspace call whose clinic has no stored key → no key', async () => {
    expect(await keysWith({})(body('own-1'))).toBeUndefined();
  });

  it("with the verifier: the platform's signature on an own-workspace call is refused; the clinic's is accepted", async () => {
    const verifier = new RetellWebhookVerifier(keysWith({ 'c-1': CLINIC_KEY }));
    const raw = body('own-1');
    expect([await verifier.verify(raw, await Retell.sign(raw, PLATFORM_KEY)), await verifier.verify(raw, await Retell.sign(raw, CLINIC_KEY))]).toEqual([false, true]);
  });

  it("with the verifier: a clinic's signature on another account's call is refused", async () => {
    const verifier = new RetellWebhookVerifier(keysWith({ 'c-1': CLINIC_KEY }));
    const raw = body('plat-1');
    expect(await verifier.verify(raw, await Retell.sign(raw, CLINIC_KEY))).toBe(false);
  });
});
