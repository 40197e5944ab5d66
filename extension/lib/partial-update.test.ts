import { describe, expect, it } from 'vitest';
import { changedFields, issueAt, issuesByPath } from './partial-update';

describe('changedFields', () => {
  it('keeps only fields whose value changed, comparing nested values', () => {
    const saved = { timezone: 'America/New_York', weeklyHours: { mon: [{ start: '08:00', end: '18:00' }] }, maxCallsPer30Days: 3 };
    const draft = { timezone: 'America/New_York', weeklyHours: { mon: [{ start: '08:00', end: '17:00' }] }, maxCallsPer30Days: 3 };
    expect(changedFields(saved, draft)).toEqual({ weeklyHours: { mon: [{ start: '08:00', end: '17:00' }] } });
    expect(changedFields(saved, structuredClone(saved))).toEqual({});
  });

  it('leaves out fields the draft does not set', () => {
    expect(changedFields<{ a?: number; b?: number }>({ a: 1, b: 2 }, { a: undefined, b: 3 })).toEqual({ b: 3 });
  });
});

describe('issuesByPath / issueAt', () => {
  const issues = issuesByPath([
    { path: 'weeklyHours.mon.1.end', message: 'must be HH:mm (00:00–24:00)' },
    { path: 'timezone', message: 'must be an IANA timezone such as America/New_York' },
    { path: 'timezone', message: 'is required' },
  ]);

  it('finds a field by its exact path, or the first issue under it when asked', () => {
    expect(issueAt(issues, 'timezone')).toBe('must be an IANA timezone such as America/New_York; is required');
    expect(issueAt(issues, 'weeklyHours.mon')).toBeUndefined();
    expect(issueAt(issues, 'weeklyHours.mon', true)).toBe('must be HH:mm (00:00–24:00)');
    expect(issueAt(issues, 'weeklyHours.tue', true)).toBeUndefined();
  });
});
