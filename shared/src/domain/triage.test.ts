import { describe, expect, it } from 'vitest';
import { ATTENTION_REASONS } from '../api/triage.js';
import { TRIAGE_TABLE, triage, type TriageInput } from './triage.js';

describe('TRIAGE_TABLE', () => {
  it('gives every attention reason exactly one level', () => {
    expect(Object.keys(TRIAGE_TABLE).sort()).toEqual([...ATTENTION_REASONS].sort());
  });

  it.each([
    ['concern_urgent', 'urgent'],
    ['concern_minor', 'review'],
    ['callback_requested', 'review'],
    ['owner_questions', 'review'],
    ['unreachable', 'review'],
    ['voicemail_left', 'review'],
    ['opted_out', 'review'],
    ['restored_from_backup', 'review'],
  ] as const)('maps %s to %s', (reason, level) => {
    expect(TRIAGE_TABLE[reason]).toBe(level);
  });
});

describe('triage', () => {
  const cases: [string, TriageInput, ReturnType<typeof triage>][] = [
    ['a completed call with nothing to report', { status: 'completed', outcome: { concernLevel: 'none', callbackRequested: false } }, { attention: 'none', attentionReasons: [] }],
    ['a scheduled call', { status: 'scheduled' }, { attention: 'none', attentionReasons: [] }],
    [
      'an urgent concern with a callback request',
      { status: 'completed', outcome: { concernLevel: 'urgent', callbackRequested: true } },
      { attention: 'urgent', attentionReasons: ['concern_urgent', 'callback_requested'] },
    ],
    [
      'a minor concern with questions',
      { status: 'completed', outcome: { concernLevel: 'minor', ownerQuestions: 'Can she eat tonight?' } },
      { attention: 'review', attentionReasons: ['concern_minor', 'owner_questions'] },
    ],
    ['blank questions', { status: 'completed', outcome: { ownerQuestions: '  ' } }, { attention: 'none', attentionReasons: [] }],
    ['a failed call', { status: 'failed', outcome: { disconnectionReason: 'dial_no_answer' } }, { attention: 'review', attentionReasons: ['unreachable'] }],
    [
      'a call that ended in voicemail',
      { status: 'completed', outcome: { disconnectionReason: 'voicemail_reached', inVoicemail: true } },
      { attention: 'review', attentionReasons: ['voicemail_left'] },
    ],
    ['a voicemail attempt that will be retried', { status: 'scheduled', outcome: { disconnectionReason: 'voicemail_reached' } }, { attention: 'none', attentionReasons: [] }],
    ['an opt-out said on the call', { status: 'completed', outcome: { optOutRequested: true } }, { attention: 'review', attentionReasons: ['opted_out'] }],
    ['a call cancelled by staff', { status: 'cancelled' }, { attention: 'none', attentionReasons: [] }],
    ['a scheduled call held for review after a restore', { status: 'scheduled', statusCode: 'held_for_review' }, { attention: 'review', attentionReasons: ['restored_from_backup'] }],
    ['a held call once it was cancelled', { status: 'cancelled', statusCode: 'held_for_review' }, { attention: 'none', attentionReasons: [] }],
    ['an urgent concern known while the call is still live', { status: 'in_progress', outcome: { concernLevel: 'urgent' } }, { attention: 'urgent', attentionReasons: ['concern_urgent'] }],
  ];
  it.each(cases)('%s', (_name, call, expected) => {
    expect(triage(call)).toEqual(expected);
  });
});
