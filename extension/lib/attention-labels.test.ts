import { ATTENTION_REASONS } from '@vfc/shared';
import { describe, expect, it } from 'vitest';
import { followUpOrder, REASON_LABELS } from './attention-labels';

describe('followUpOrder', () => {
  it('puts urgent before review before none, newest first within a level', () => {
    const calls = [
      { callId: 'none-new', attention: 'none' as const, scheduledFor: '2026-11-24T18:00:00.000Z' },
      { callId: 'review-old', attention: 'review' as const, scheduledFor: '2026-11-20T18:00:00.000Z' },
      { callId: 'urgent-old', attention: 'urgent' as const, scheduledFor: '2026-11-21T18:00:00.000Z' },
      { callId: 'review-new', attention: 'review' as const, scheduledFor: '2026-11-23T18:00:00.000Z' },
      { callId: 'urgent-new', attention: 'urgent' as const, scheduledFor: '2026-11-22T18:00:00.000Z' },
    ];
    expect(followUpOrder(calls).map((c) => c.callId)).toEqual(['urgent-new', 'urgent-old', 'review-new', 'review-old', 'none-new']);
    expect(calls[0]!.callId).toBe('none-new'); // the input is left as it was
  });

  it('has words for every reason code the API can send', () => {
    expect(Object.keys(REASON_LABELS).sort()).toEqual([...ATTENTION_REASONS].sort());
  });
});
