import { describe, expect, it } from 'vitest';
import type { Clinic } from '@vfc/shared';
import type { VoiceLine } from '../../ports/voice-lines.js';
import type { VoiceProvider } from '../../ports/voice-provider.js';
import {
  clinicOfAccount,
  clinicRetellAccount,
  clinicVapiAccount,
  defaultOwnLimit,
  dialingFor,
  ownedAccountOf,
  RETELL_PLATFORM,
  VAPI_PLATFORM,
  voiceAccountOf,
} from './voice-accounts.js';

describe('voiceAccountOf', () => {
  it.each([
    ['no voice settings', undefined, RETELL_PLATFORM],
    ['Retell', { provider: 'retell', account: 'platform', status: 'ok' }, RETELL_PLATFORM],
    ["Retell, the clinic's own key", { provider: 'retell', account: 'clinic', status: 'ok' }, 'retell:clinic:c-1'],
    ["Vapi, the platform's account", { provider: 'vapi', account: 'platform', status: 'ok' }, VAPI_PLATFORM],
    ["Vapi, the clinic's own key", { provider: 'vapi', account: 'clinic', status: 'ok' }, 'vapi:clinic:c-1'],
  ] as const)('%s → %s', (_name, voice, account) => {
    expect(voiceAccountOf({ clinicId: 'c-1', ...(voice ? { voice } : {}) })).toBe(account);
  });

  it('a clinic-owned account id names its provider and clinic; platform ids name none', () => {
    expect(clinicOfAccount(clinicVapiAccount('c:with:colons'))).toBe('c:with:colons');
    expect(ownedAccountOf(clinicRetellAccount('c:with:colons'))).toEqual({ provider: 'retell', clinicId: 'c:with:colons' });
    expect([clinicOfAccount(RETELL_PLATFORM), clinicOfAccount(VAPI_PLATFORM)]).toEqual([undefined, undefined]);
  });

  it("an own account's default limit is the provider's: Retell 20, Vapi 10", () => {
    expect([defaultOwnLimit('retell'), defaultOwnLimit('vapi')]).toEqual([20, 10]);
  });
});

describe('dialingFor', () => {
  const voice = {} as VoiceProvider;
  const lines = new Map<string, VoiceLine>([
    [RETELL_PLATFORM, { account: RETELL_PLATFORM, voice }],
    ['retell:clinic:c-1', { account: 'retell:clinic:c-1', voice }],
  ]);
  const deps = { voice, voiceLines: { line: async (a: string) => lines.get(a)!, accountOfClinic: async () => RETELL_PLATFORM } };
  const clinic = { clinicId: 'c-1', agentId: 'agent_platform', fromNumber: '+15550001111' } as Clinic;

  it("a clinic on its own Retell workspace dials that workspace's agent from its number there, on its own line", async () => {
    const own = { ...clinic, voice: { provider: 'retell', account: 'clinic', agentId: 'agent_own', fromNumber: '+15550002222', status: 'ok' } } as Clinic;
    expect(await dialingFor(deps, own)).toEqual({ line: lines.get('retell:clinic:c-1'), fromNumber: '+15550002222', agentId: 'agent_own' });
  });

  it('a clinic on its own Retell workspace without a synced agent is not dialled (undefined)', async () => {
    const own = { ...clinic, voice: { provider: 'retell', account: 'clinic', fromNumber: '+15550002222', status: 'ok' } } as Clinic;
    expect(await dialingFor(deps, own)).toBeUndefined();
  });
});
