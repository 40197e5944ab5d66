import { describe, expect, it } from 'vitest';
import { InvalidExpressionError, nextFireAfter, parseScheduleExpression } from './schedule-expression.js';

const ms = (iso: string) => new Date(iso).getTime();

describe('parseScheduleExpression', () => {
  it('reads at() as UTC by default and as wall-clock time in ScheduleExpressionTimezone', () => {
    expect(parseScheduleExpression('at(2026-11-23T09:00:00)')).toEqual({ kind: 'at', atMs: ms('2026-11-23T09:00:00Z') });
    // New York is UTC-5 in November (EST), UTC-4 in July (EDT).
    expect(parseScheduleExpression('at(2026-11-23T09:00:00)', 'America/New_York')).toEqual({ kind: 'at', atMs: ms('2026-11-23T14:00:00Z') });
    expect(parseScheduleExpression('at(2026-07-01T09:00:00)', 'America/New_York')).toEqual({ kind: 'at', atMs: ms('2026-07-01T13:00:00Z') });
  });

  it.each([
    ['rate(1 minute)', 60_000],
    ['rate(5 minutes)', 300_000],
    ['rate(2 hours)', 7_200_000],
    ['rate(1 day)', 86_400_000],
  ])('reads %s', (expression, everyMs) => {
    expect(parseScheduleExpression(expression)).toEqual({ kind: 'rate', everyMs });
  });

  it.each([
    'at(2026-11-23 09:00:00)',
    'at(2026-11-23T09:00)',
    'rate(1 minutes)',
    'rate(5 minute)',
    'rate(0 minutes)',
    'rate(5 seconds)',
    'cron(0 9 * * MON-FRI *)', // both day fields set
    'cron(0 9 ? * ? *)', // both '?'
    'cron(0 9 * *)', // too few fields
    'cron(99 9 * * ? *)',
    'every day',
  ])('refuses %s', (expression) => {
    expect(() => parseScheduleExpression(expression)).toThrow(InvalidExpressionError);
  });

  it('refuses an unknown timezone', () => {
    expect(() => parseScheduleExpression('rate(5 minutes)', 'Mars/Olympus')).toThrow(InvalidExpressionError);
  });
});

describe('cron() next fire times', () => {
  it('every 15 minutes', () => {
    const expr = parseScheduleExpression('cron(0/15 * * * ? *)');
    expect(nextFireAfter(expr, ms('2026-11-21T00:07:00Z'), { anchorMs: 0 })).toBe(ms('2026-11-21T00:15:00Z'));
    expect(nextFireAfter(expr, ms('2026-11-21T00:15:00Z'), { anchorMs: 0 })).toBe(ms('2026-11-21T00:30:00Z'));
  });

  it('reads the Quartz-style start/step AWS accepts (5/20 → :05, :25, :45)', () => {
    const expr = parseScheduleExpression('cron(5/20 * * * ? *)');
    expect(nextFireAfter(expr, ms('2026-11-21T00:05:00Z'), { anchorMs: 0 })).toBe(ms('2026-11-21T00:25:00Z'));
    expect(nextFireAfter(expr, ms('2026-11-21T00:45:00Z'), { anchorMs: 0 })).toBe(ms('2026-11-21T01:05:00Z'));
  });

  it('09:00 on weekdays in a timezone (Saturday → Monday 14:00 UTC)', () => {
    const expr = parseScheduleExpression('cron(0 9 ? * MON-FRI *)', 'America/New_York');
    expect(nextFireAfter(expr, ms('2026-11-21T00:00:00Z'), { anchorMs: 0 })).toBe(ms('2026-11-23T14:00:00Z'));
  });

  it('numbers weekdays as AWS does (1 = Sunday, 2 = Monday)', () => {
    const expr = parseScheduleExpression('cron(0 3 ? * 2 *)');
    expect(nextFireAfter(expr, ms('2026-11-21T00:00:00Z'), { anchorMs: 0 })).toBe(ms('2026-11-23T03:00:00Z'));
  });

  it('03:30 every day of the month field', () => {
    const expr = parseScheduleExpression('cron(30 3 * * ? *)');
    expect(nextFireAfter(expr, ms('2026-11-21T03:30:00Z'), { anchorMs: 0 })).toBe(ms('2026-11-22T03:30:00Z'));
  });

  it('respects StartDate and EndDate', () => {
    const expr = parseScheduleExpression('cron(0 * * * ? *)');
    const window = { anchorMs: 0, startMs: ms('2026-11-21T05:30:00Z'), endMs: ms('2026-11-21T07:00:00Z') };
    expect(nextFireAfter(expr, ms('2026-11-21T00:00:00Z'), window)).toBe(ms('2026-11-21T06:00:00Z'));
    expect(nextFireAfter(expr, ms('2026-11-21T06:00:00Z'), window)).toBeUndefined();
  });
});

describe('rate() next fire times', () => {
  it('counts whole periods from the anchor and skips missed ones', () => {
    const expr = parseScheduleExpression('rate(5 minutes)');
    const anchorMs = ms('2026-11-21T00:00:00Z');
    expect(nextFireAfter(expr, anchorMs, { anchorMs })).toBe(anchorMs + 300_000);
    expect(nextFireAfter(expr, anchorMs + 300_000, { anchorMs })).toBe(anchorMs + 600_000);
    expect(nextFireAfter(expr, anchorMs + 3_601_000, { anchorMs })).toBe(anchorMs + 3_900_000);
  });
});
