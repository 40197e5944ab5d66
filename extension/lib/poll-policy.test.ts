import { describe, expect, it } from 'vitest';
import { backoffDelay, listReadDelay, nextReadDelay } from './poll-policy';

const now = new Date('2026-11-24T15:00:00.000Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

describe('nextReadDelay', () => {
  it.each([
    ['a dialing call', [{ status: 'dialing' as const, scheduledFor: at(-10_000) }], 4_000],
    ['a call in progress', [{ status: 'in_progress' as const, scheduledFor: at(-60_000) }], 4_000],
    ['a call scheduled for tomorrow', [{ status: 'scheduled' as const, scheduledFor: at(86_400_000) }], 60_000],
    ['a call due in 20 s', [{ status: 'scheduled' as const, scheduledFor: at(20_000) }], 20_000],
    ['a call due in 1 s (not sooner than the live cadence)', [{ status: 'scheduled' as const, scheduledFor: at(1_000) }], 4_000],
    ['a call due 30 s ago, still scheduled', [{ status: 'scheduled' as const, scheduledFor: at(-30_000) }], 4_000],
    ['a call due 10 min ago, still scheduled (held)', [{ status: 'scheduled' as const, scheduledFor: at(-600_000) }], 60_000],
    [
      'the soonest of several',
      [
        { status: 'completed' as const, scheduledFor: at(-600_000) },
        { status: 'scheduled' as const, scheduledFor: at(45_000) },
        { status: 'scheduled' as const, scheduledFor: at(30_000) },
      ],
      30_000,
    ],
  ])('reads %s again after the expected wait', (_, calls, expected) => {
    expect(nextReadDelay(calls, now)).toBe(expected);
  });

  it('reads a call that just ended at the live cadence until its analysis (summary) arrives, for at most 2 min', () => {
    const ended = { status: 'completed' as const, scheduledFor: at(-120_000), updatedAt: at(-10_000) };
    expect(nextReadDelay([ended], now)).toBe(4_000);
    expect(nextReadDelay([{ ...ended, status: 'failed' as const }], now)).toBe(4_000);
    expect(nextReadDelay([{ ...ended, outcome: { summary: 'All good.' } }], now)).toBeUndefined();
    expect(nextReadDelay([{ ...ended, updatedAt: at(-120_000) }], now)).toBeUndefined();
    expect(nextReadDelay([{ ...ended, status: 'cancelled' as const }], now)).toBeUndefined();
  });

  it('reads final calls (or none) never again', () => {
    expect(nextReadDelay([], now)).toBeUndefined();
    expect(
      nextReadDelay(
        [
          { status: 'completed', scheduledFor: at(-1) },
          { status: 'failed', scheduledFor: at(-1) },
          { status: 'cancelled', scheduledFor: at(1) },
        ],
        now,
      ),
    ).toBeUndefined();
  });

  it('backs off after failures even when a call is live, and for an empty list too (the read itself failed)', () => {
    expect(nextReadDelay([{ status: 'in_progress', scheduledFor: at(0) }], now, 1)).toBe(5_000);
    expect(nextReadDelay([], now, 3)).toBe(20_000);
  });
});

describe('backoffDelay', () => {
  it('doubles from 5 s and stays at 5 min', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(backoffDelay)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });
});

describe('listReadDelay', () => {
  it('re-reads a list of final calls once a minute (new calls may join it), and live ones at the live cadence', () => {
    expect(listReadDelay([{ status: 'completed', scheduledFor: at(-1) }], now)).toBe(60_000);
    expect(listReadDelay([], now)).toBe(60_000);
    expect(listReadDelay([{ status: 'dialing', scheduledFor: at(-1) }], now)).toBe(4_000);
    expect(listReadDelay([], now, 2)).toBe(10_000);
  });
});
