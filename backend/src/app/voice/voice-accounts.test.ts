import { describe, expect, it } from 'vitest';
import { clinicOfAccount, clinicVapiAccount, RETELL_PLATFORM, VAPI_PLATFORM, voiceAccountOf } from './voice-accounts.js';

describe('voiceAccountOf', () => {
  it.each([
    ['no voice settings', undefined, RETELL_PLATFORM],
    ['Retell', { provider: 'retell', account: 'platform', status: 'ok' }, RETELL_PLATFORM],
    ["Vapi, the platform's account", { provider: 'vapi', account: 'platform', status: 'ok' }, VAPI_PLATFORM],
    ["Vapi, the clinic's own key", { provider: 'vapi', account: 'clinic', status: 'ok' }, 'vapi:clinic:c-1'],
  ] as const)('%s → %s', (_name, voice, account) => {
    expect(voiceAccountOf({ clinicId: 'c-1', ...(voice ? { voice } : {}) })).toBe(account);
  });

  it('a clinic-owned account id names its clinic; platform ids name none', () => {
    expect(clinicOfAccount(clinicVapiAccount('c:with:colons'))).toBe('c:with:colons');
    expect([clinicOfAccount(RETELL_PLATFORM), clinicOfAccount(VAPI_PLATFORM)]).toEqual([undefined, undefined]);
  });
});
