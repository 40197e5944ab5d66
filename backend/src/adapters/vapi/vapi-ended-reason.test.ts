import { Vapi } from '@vapi-ai/server-sdk';
import { classifyDisconnection } from '@vfc/shared';
import { describe, expect, it } from 'vitest';
import {
  classifyEndedReason,
  classifyFamily,
  NAMED_OUTCOMES,
  OUTCOME_REASON,
  toDisconnectionReason,
  type EndedReason,
  type VapiOutcome,
} from './vapi-ended-reason.js';

/** Every `endedReason` value the installed SDK knows, read from its runtime enum object (not a copied list). */
const ENDED_REASONS: readonly EndedReason[] = Object.values(Vapi.CallEndedReason);
const OUTCOMES = Object.keys(OUTCOME_REASON) as VapiOutcome[];
const FAMILY = /^(pipeline-error-|call\.in-progress\.error-vapifault-|call\.in-progress\.error-providerfault-)/;

/** The verdict each outcome must produce through the shared retry policy (voicemail policy "complete"). */
const EXPECTED_VERDICT: Record<VapiOutcome, string> = {
  answered: 'completed',
  no_answer: 'retry',
  busy: 'retry',
  voicemail: 'completed',
  invalid_number: 'failed',
  transient: 'retry',
  account_full: 'retry_without_counting',
  configuration_error: 'failed',
  not_dialled: 'failed',
};

describe('Vapi endedReason classification', () => {
  it('reads the whole SDK enum (597 values in @vapi-ai/server-sdk 2.0.1)', () => {
    expect(ENDED_REASONS.length).toBeGreaterThanOrEqual(597);
    expect(new Set(ENDED_REASONS).size).toBe(ENDED_REASONS.length);
  });

  it('the named table holds exactly the SDK values outside the provider-error families', () => {
    const named = ENDED_REASONS.filter((r) => !FAMILY.test(r)).sort();
    expect(Object.keys(NAMED_OUTCOMES).sort()).toEqual(named);
  });

  it.each(ENDED_REASONS.map((r) => [r]))('%s has an outcome whose verdict matches the retry policy', (reason) => {
    const outcome = classifyEndedReason(reason);
    expect(OUTCOMES).toContain(outcome);
    expect(classifyDisconnection(toDisconnectionReason(reason), { voicemailPolicy: 'complete' })).toBe(EXPECTED_VERDICT[outcome]);
  });

  it('judges family reasons by the status code in the name: 429/5xx transient, other 4xx configuration error', () => {
    const coded = ENDED_REASONS.filter((r) => FAMILY.test(r) && /-\d{3}-/.test(`${r}-`) && !r.includes('outbound-sip-'));
    expect(coded.length).toBeGreaterThan(100);
    for (const reason of coded) {
      const code = Number(/-(\d{3})-/.exec(`${reason}-`)![1]);
      expect([reason, classifyFamily(reason)]).toEqual([reason, code === 429 || code >= 500 ? 'transient' : 'configuration_error']);
    }
  });

  it.each([
    ['pipeline-error-openai-llm-failed', 'transient'],
    ['call.in-progress.error-vapifault-eleven-labs-system-busy-and-requested-upgrade', 'transient'],
    ['call.in-progress.error-vapifault-eleven-labs-quota-exceeded', 'configuration_error'],
    ['pipeline-error-eleven-labs-invalid-api-key', 'configuration_error'],
    ['call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable', 'no_answer'],
    ['call.in-progress.error-providerfault-outbound-sip-408-request-timeout', 'no_answer'],
    ['call.in-progress.error-providerfault-outbound-sip-403-forbidden', 'invalid_number'],
    ['call.in-progress.error-providerfault-outbound-sip-503-service-unavailable', 'transient'],
    ['customer-did-not-answer', 'no_answer'],
    ['customer-busy', 'busy'],
    ['voicemail', 'voicemail'],
    ['call.start.error-subscription-concurrency-limit-reached', 'account_full'],
    ['twilio-reported-customer-misdialed', 'invalid_number'],
    ['call.start.error-subscription-insufficient-credits', 'configuration_error'],
  ])('%s → %s', (reason, outcome) => {
    expect(classifyEndedReason(reason)).toBe(outcome);
  });

  it('a fault after the owner spoke is answered (the person was reached)', () => {
    expect(classifyEndedReason('pipeline-error-openai-llm-failed', { ownerSpoke: true })).toBe('answered');
    expect(classifyEndedReason('customer-busy', { ownerSpoke: true })).toBe('busy');
  });

  it('an unknown or missing reason is a configuration error (never redialled)', () => {
    expect(classifyEndedReason('something-new')).toBe('configuration_error');
    expect(classifyEndedReason(undefined)).toBe('configuration_error');
  });
});
