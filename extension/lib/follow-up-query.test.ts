import { describe, expect, it } from 'vitest';
import { followUpQuery, periodBounds } from './follow-up-query';

// 23:30 on Tue 24 Nov 2026 in Los Angeles is already Wednesday in UTC: the clinic's day must win.
const now = new Date('2026-11-25T07:30:00.000Z');
const LA = 'America/Los_Angeles';

describe('periodBounds', () => {
  it('today is the clinic-local day, not the UTC one', () => {
    expect(periodBounds({ kind: 'today' }, now, LA)).toEqual({ from: '2026-11-24T08:00:00.000Z', to: '2026-11-25T08:00:00.000Z' });
  });

  it('the last 7 days include today', () => {
    expect(periodBounds({ kind: 'week' }, now, LA)).toEqual({ from: '2026-11-18T08:00:00.000Z', to: '2026-11-25T08:00:00.000Z' });
  });

  it('a chosen range includes both days and follows the DST change (1 Nov 2026 has 25 hours in LA)', () => {
    expect(periodBounds({ kind: 'range', from: '2026-10-31', to: '2026-11-01' }, now, LA)).toEqual({
      from: '2026-10-31T07:00:00.000Z',
      to: '2026-11-02T08:00:00.000Z',
    });
  });

  it.each([
    ['reversed', { kind: 'range' as const, from: '2026-11-20', to: '2026-11-19' }],
    ['empty', { kind: 'range' as const, from: '', to: '2026-11-19' }],
    ['impossible', { kind: 'range' as const, from: '2026-02-30', to: '2026-03-01' }],
  ])('refuses a %s range', (_, period) => {
    expect(periodBounds(period, now, LA)).toBeUndefined();
  });
});

describe('followUpQuery', () => {
  it('adds the filter to the bounds', () => {
    expect(followUpQuery({ kind: 'today' }, 'unresolved', now, LA)).toEqual({
      from: '2026-11-24T08:00:00.000Z',
      to: '2026-11-25T08:00:00.000Z',
      attention: ['urgent', 'review'],
      resolved: false,
    });
    expect(followUpQuery({ kind: 'today' }, 'failed', now, LA)).toMatchObject({ status: ['failed'] });
    expect(followUpQuery({ kind: 'today' }, 'all', now, LA)).toEqual({ from: '2026-11-24T08:00:00.000Z', to: '2026-11-25T08:00:00.000Z' });
  });
});
