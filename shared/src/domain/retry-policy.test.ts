import { describe, expect, it } from 'vitest';
import {
  DISCONNECTION_REASONS,
  DISCONNECTION_VERDICTS,
  MAX_RETRIES,
  RETRY_DELAYS_MINUTES,
  classifyDisconnection,
  retryDelayMs,
  type AttemptVerdict,
  type DisconnectionReason,
} from './retry-policy.js';

/** Expected verdict for EVERY reason in docs/retell.md, written out independently of the table. */
const EXPECTED: [DisconnectionReason, AttemptVerdict][] = [
  ['user_hangup', 'completed'],
  ['agent_hangup', 'completed'],
  ['call_transfer', 'completed'],
  ['voicemail_reached', 'completed'],
  ['ivr_reached', 'retry'],
  ['inactivity', 'completed'],
  ['max_duration_reached', 'completed'],
  ['concurrency_limit_reached', 'retry_without_counting'],
  ['no_concurrency_fallback', 'retry_without_counting'],
  ['no_valid_payment', 'failed'],
  ['scam_detected', 'failed'],
  ['dial_busy', 'retry'],
  ['dial_failed', 'failed'],
  ['dial_no_answer', 'retry'],
  ['invalid_destination', 'failed'],
  ['telephony_provider_permission_denied', 'failed'],
  ['telephony_provider_unavailable', 'retry'],
  ['sip_routing_error', 'retry'],
  ['marked_as_spam', 'failed'],
  ['user_declined', 'failed'],
  ['error_llm_websocket_open', 'retry'],
  ['error_llm_websocket_lost_connection', 'retry'],
  ['error_llm_websocket_runtime', 'retry'],
  ['error_llm_websocket_corrupt_payload', 'retry'],
  ['error_no_audio_received', 'retry'],
  ['error_asr', 'retry'],
  ['error_retell', 'retry'],
  ['error_unknown', 'retry'],
  ['error_user_not_joined', 'retry'],
  ['registered_call_timeout', 'retry'],
  ['transfer_bridged', 'completed'],
  ['transfer_cancelled', 'completed'],
  ['manual_stopped', 'failed'],
  ['call_take_over', 'completed'],
];

describe('classifyDisconnection', () => {
  it('covers exactly the reasons of the reference, each once', () => {
    expect(new Set(EXPECTED.map(([r]) => r))).toEqual(new Set(DISCONNECTION_REASONS));
    expect(EXPECTED).toHaveLength(DISCONNECTION_REASONS.length);
    expect(Object.keys(DISCONNECTION_VERDICTS).sort()).toEqual([...DISCONNECTION_REASONS].sort());
  });

  it.each(EXPECTED)('%s → %s (voicemail policy "complete")', (reason, verdict) => {
    expect(classifyDisconnection(reason, { voicemailPolicy: 'complete' })).toBe(verdict);
  });

  it.each(EXPECTED.filter(([r]) => r !== 'voicemail_reached'))(
    '%s → %s regardless of the voicemail policy when not in voicemail',
    (reason, verdict) => {
      expect(classifyDisconnection(reason, { voicemailPolicy: 'retry', inVoicemail: false })).toBe(verdict);
    },
  );

  it('voicemail_reached follows the clinic policy', () => {
    expect(classifyDisconnection('voicemail_reached', { voicemailPolicy: 'complete' })).toBe('completed');
    expect(classifyDisconnection('voicemail_reached', { voicemailPolicy: 'retry' })).toBe('retry');
  });

  it('a "conversation" that call_analysis says was voicemail follows the policy too', () => {
    expect(classifyDisconnection('agent_hangup', { voicemailPolicy: 'retry', inVoicemail: true })).toBe('retry');
    expect(classifyDisconnection('agent_hangup', { voicemailPolicy: 'complete', inVoicemail: true })).toBe('completed');
  });

  it('in_voicemail never turns a failure into a redial', () => {
    expect(classifyDisconnection('dial_failed', { voicemailPolicy: 'retry', inVoicemail: true })).toBe('failed');
    expect(classifyDisconnection('manual_stopped', { voicemailPolicy: 'retry', inVoicemail: true })).toBe('failed');
  });

  it.each([undefined, '', 'some_future_reason', 'USER_HANGUP', 'toString', '__proto__'])(
    'unknown or missing reason %j → failed (never redial on what we do not understand)',
    (reason) => {
      expect(classifyDisconnection(reason, { voicemailPolicy: 'retry' })).toBe('failed');
    },
  );
});

describe('retryDelayMs', () => {
  it.each([
    [0, 5 * 60_000],
    [1, 10 * 60_000],
    [2, 20 * 60_000],
    [3, undefined],
    [4, undefined],
    [100, undefined],
  ])('after %i retries → %s ms', (retries, ms) => {
    expect(retryDelayMs(retries)).toBe(ms);
  });

  it('allows exactly MAX_RETRIES retries, one per listed delay', () => {
    expect(RETRY_DELAYS_MINUTES).toHaveLength(MAX_RETRIES);
    const delays = Array.from({ length: MAX_RETRIES + 2 }, (_, i) => retryDelayMs(i));
    expect(delays.filter((d) => d !== undefined)).toHaveLength(MAX_RETRIES);
  });

  it.each([-1, 0.5, Number.NaN])('rejects %s', (n) => {
    expect(() => retryDelayMs(n)).toThrow(RangeError);
  });
});
