import { describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { withTriage } from './call-triage.js';
import { aCallRecord } from '../local/test-support/test-calls.js';

const at = '2026-12-02T17:00:00.000Z';
const base: CallRecord = aCallRecord(at, { status: 'in_progress', version: 3 });

describe('withTriage', () => {
  it('stores the level and reasons of the new status and outcome', () => {
    const next = withTriage(base, { ...base, status: 'completed', outcome: { concernLevel: 'urgent', callbackRequested: true } });
    expect(next).toMatchObject({ attention: 'urgent', attentionReasons: ['concern_urgent', 'callback_requested'] });
  });

  it('clears the level when the reasons go away (a retry after voicemail is not final)', () => {
    const previous = { ...base, status: 'failed' as const, attention: 'review' as const, attentionReasons: ['unreachable' as const] };
    expect(withTriage(previous, { ...previous, status: 'scheduled' })).toMatchObject({ attention: 'none', attentionReasons: [] });
  });

  it('keeps a resolution when no new reason appears', () => {
    const resolution = { resolvedAt: at, resolvedBy: 'Front desk' };
    const previous = { ...base, status: 'failed' as const, attention: 'review' as const, attentionReasons: ['unreachable' as const], resolution };
    expect(withTriage(previous, { ...previous, updatedAt: '2026-12-02T18:00:00.000Z' }).resolution).toEqual(resolution);
  });

  it('reopens a resolved call that gains a new reason', () => {
    const previous = { ...base, status: 'completed' as const, resolution: { resolvedAt: at, resolvedBy: 'Front desk' } };
    const next = withTriage(previous, { ...previous, outcome: { concernLevel: 'urgent' } });
    expect(next.resolution).toBeUndefined();
    expect(next.attention).toBe('urgent');
  });
});
