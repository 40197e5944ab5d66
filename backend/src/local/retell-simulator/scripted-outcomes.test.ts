import { describe, expect, it } from 'vitest';
import { OUTCOMES, pickOutcome, SCRIPTED_OUTCOMES } from './scripted-outcomes.js';

describe('pickOutcome', () => {
  it.each([
    ['+14155550100', 'user_hangup'],
    ['+14155550101', 'dial_no_answer'],
    ['+14155550102', 'dial_busy'],
    ['+14155550103', 'voicemail_reached'],
    ['+14155550104', 'invalid_destination'],
    ['+14155550105', 'user_hangup'],
    ['+14155550107', 'dial_failed'],
  ])('%s → %s', (to, reason) => {
    expect(pickOutcome(to, 0).disconnection_reason).toBe(reason);
  });

  it('0106: no answer twice, then answered for every later call', () => {
    expect([0, 1, 2, 3].map((n) => pickOutcome('+14155550106', n).disconnection_reason)).toEqual([
      'dial_no_answer',
      'dial_no_answer',
      'user_hangup',
      'user_hangup',
    ]);
  });

  it('0105 flags the opt-out in custom_analysis_data; 0103 is voicemail', () => {
    expect(pickOutcome('+14155550105', 0).custom_analysis_data).toMatchObject({ opt_out: true });
    expect(pickOutcome('+14155550103', 0)).toMatchObject({ connected: true, in_voicemail: true });
  });

  it('0108 is an urgent concern with a callback request; 0109 a minor concern with a question', () => {
    expect(pickOutcome('+14155550108', 0)).toMatchObject({
      connected: true,
      disconnection_reason: 'user_hangup',
      custom_analysis_data: { concern_level: 'urgent', callback_requested: true },
    });
    expect(pickOutcome('+14155550109', 0)).toMatchObject({
      connected: true,
      custom_analysis_data: { concern_level: 'minor', owner_questions: 'When can the cone come off?' },
    });
  });

  it.each(Object.entries(OUTCOMES).filter(([, outcome]) => outcome.connected))('answered outcome %s has a transcript of at least four turns', (_name, outcome) => {
    expect('transcript' in outcome && outcome.transcript('Rex').length).toBeGreaterThanOrEqual(4);
  });

  it('an override list wins and may hold custom outcomes', () => {
    const custom = { ...OUTCOMES.answered, disconnection_reason: 'concurrency_limit_reached' as const, connected: false };
    expect(pickOutcome('+14155550100', 0, ['busy', custom]).disconnection_reason).toBe('dial_busy');
    expect(pickOutcome('+14155550100', 5, ['busy', custom]).disconnection_reason).toBe('concurrency_limit_reached');
  });

  it('uses the pet name in the summary', () => {
    expect(OUTCOMES.answered.summary('Biscuit')).toBe('Spoke with the owner; Biscuit is eating well and recovering. No concerns.');
    expect(Object.keys(SCRIPTED_OUTCOMES)).toContain('default');
  });
});
