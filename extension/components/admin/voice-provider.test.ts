import { describe, expect, it } from 'vitest';
import type { ClinicVoice } from '@vfc/shared';
import { draftFromVoice, failureErrors, voiceRequest } from './voice-provider';

const RETELL: ClinicVoice = { provider: 'retell', account: 'platform', fromNumber: '+14155550199', concurrencyLimit: 20, status: 'ok' };
const VAPI_OWN: ClinicVoice = { provider: 'vapi', account: 'clinic', keyLast4: '1234', phoneNumberId: 'pn_1', fromNumber: '+14155550199', concurrencyLimit: 5, status: 'ok' };
const RETELL_OWN: ClinicVoice = { provider: 'retell', account: 'clinic', keyLast4: '9876', fromNumber: '+14155550123', concurrencyLimit: 12, status: 'ok' };
const label = (field: string) => `<${field}>`;

describe('draftFromVoice', () => {
  it("starts the limit at the provider's default (Retell 20, Vapi 10) when the clinic has no key of its own, else at its saved limit", () => {
    const vapiPlatform: ClinicVoice = { ...RETELL, provider: 'vapi', concurrencyLimit: 10 };
    expect([draftFromVoice(RETELL), draftFromVoice(vapiPlatform), draftFromVoice(VAPI_OWN)].map((draft) => draft.concurrencyLimit)).toEqual(['20', '10', '5']);
  });

  it("keeps the saved account for Retell too (a clinic's own Retell workspace)", () => {
    expect(draftFromVoice(RETELL_OWN)).toEqual({ provider: 'retell', account: 'clinic', fromNumber: '+14155550123', concurrencyLimit: '12' });
  });
});

describe('voiceRequest', () => {
  it("choosing the platform's account over a stored key sends apiKey: null", () => {
    expect(voiceRequest(VAPI_OWN, { ...draftFromVoice(VAPI_OWN), account: 'platform' }, '', 'required')).toEqual({ ok: true, body: { provider: 'vapi', apiKey: null } });
  });

  it('an own key left empty keeps the stored key (no apiKey) and still sends the limit', () => {
    expect(voiceRequest(VAPI_OWN, { ...draftFromVoice(VAPI_OWN), concurrencyLimit: '8' }, '  ', 'required')).toEqual({
      ok: true,
      body: { provider: 'vapi', concurrencyLimit: 8 },
    });
  });

  it('an own key left empty with no key stored is refused before sending, at apiKey', () => {
    expect(voiceRequest(RETELL, { ...draftFromVoice(RETELL), provider: 'vapi', account: 'clinic' }, '', 'is required')).toEqual({
      ok: false,
      issues: [{ path: 'apiKey', message: 'is required' }],
    });
  });

  it("an own Retell key typed sends the key and the limit", () => {
    expect(voiceRequest(RETELL, { ...draftFromVoice(RETELL), account: 'clinic', concurrencyLimit: '15' }, ' key_abc_123 ', 'required')).toEqual({
      ok: true,
      body: { provider: 'retell', apiKey: 'key_abc_123', concurrencyLimit: 15 },
    });
  });

  it("a Vapi key stored does not stand for a Retell one: an own Retell account with no key typed is refused at apiKey", () => {
    expect(voiceRequest(VAPI_OWN, { ...draftFromVoice(VAPI_OWN), provider: 'retell' }, '', 'is required')).toEqual({
      ok: false,
      issues: [{ path: 'apiKey', message: 'is required' }],
    });
  });

  it("Retell on the platform's account over a stored own Retell key sends apiKey: null", () => {
    expect(voiceRequest(RETELL_OWN, { ...draftFromVoice(RETELL_OWN), account: 'platform' }, '', 'required')).toEqual({ ok: true, body: { provider: 'retell', apiKey: null } });
  });

  it('sends the calling number only when it was changed', () => {
    const draft = draftFromVoice(RETELL);
    expect([voiceRequest(RETELL, draft, '', 'r'), voiceRequest(RETELL, { ...draft, fromNumber: ' +14155550111 ' }, '', 'r')]).toEqual([
      { ok: true, body: { provider: 'retell' } },
      { ok: true, body: { provider: 'retell', fromNumber: '+14155550111' } },
    ]);
  });

  it('reports a limit outside 1–1000 at concurrencyLimit with the API schema', () => {
    const checked = voiceRequest(VAPI_OWN, { ...draftFromVoice(VAPI_OWN), concurrencyLimit: '1001' }, '', 'r');
    expect(checked.ok ? [] : checked.issues.map((issue) => issue.path)).toEqual(['concurrencyLimit']);
  });
});

describe('failureErrors', () => {
  const ownKey = { ...draftFromVoice(VAPI_OWN) };

  it("puts unknown_number's message beside the calling number", () => {
    const failure = {
      ok: false as const,
      status: 400,
      error: { error: 'unknown_number', message: 'That calling number is not in this Vapi account.', issues: [{ path: 'phoneNumberId', message: 'is not a number of this account' }] },
    };
    expect(failureErrors(failure, ownKey, label)).toEqual({ fields: { fromNumber: 'That calling number is not in this Vapi account.' } });
  });

  it('puts validation issues beside their fields, prefixed with the label', () => {
    const failure = { ok: false as const, status: 400, error: { error: 'validation_error', message: 'Invalid body', issues: [{ path: 'fromNumber', message: 'must be E.164' }] } };
    expect(failureErrors(failure, ownKey, label)).toEqual({ fields: { fromNumber: '<fromNumber>: must be E.164' } });
  });

  it('reports invalid_credentials on the platform account, and provider_unavailable, as general errors', () => {
    const refused = { ok: false as const, status: 400, error: { error: 'invalid_credentials', message: 'No Vapi key is stored for this clinic: send apiKey.' } };
    const down = { ok: false as const, status: 503, error: { error: 'provider_unavailable', message: 'Vapi could not be reached to check the key; try again.' } };
    expect([failureErrors(refused, { ...ownKey, account: 'platform' }, label), failureErrors(down, ownKey, label)]).toEqual([
      { fields: {}, general: 'No Vapi key is stored for this clinic: send apiKey.' },
      { fields: {}, general: 'Vapi could not be reached to check the key; try again.' },
    ]);
  });
});
