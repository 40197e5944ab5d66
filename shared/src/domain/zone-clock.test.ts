import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  formatWallTime,
  instantAtWallTime,
  instantsAtWallTime,
  offsetTransitions,
  parseWallTime,
  utcOffsetMs,
  wallClockMs,
  zoneAbbreviation,
} from './zone-clock.js';

const HOUR = 3_600_000;
const ms = (iso: string) => Date.parse(iso);
const wall = (isoNoZone: string) => Date.parse(`${isoNoZone}Z`);

describe('wallClockMs / utcOffsetMs', () => {
  it.each([
    ['2026-01-15T12:00:00.250Z', 'America/New_York', '2026-01-15T07:00:00.250'],
    ['2026-07-15T12:00:00.000Z', 'America/New_York', '2026-07-15T08:00:00.000'],
    ['2026-03-08T06:59:59.999Z', 'America/New_York', '2026-03-08T01:59:59.999'],
    ['2026-03-08T07:00:00.000Z', 'America/New_York', '2026-03-08T03:00:00.000'],
    ['2026-07-01T00:00:00.000Z', 'Asia/Kathmandu', '2026-07-01T05:45:00.000'],
    ['2026-07-01T00:00:00.000Z', 'Australia/Lord_Howe', '2026-07-01T10:30:00.000'],
    ['2026-12-31T23:30:00.000Z', 'Pacific/Kiritimati', '2027-01-01T13:30:00.000'],
    ['1969-12-31T23:59:59.500Z', 'UTC', '1969-12-31T23:59:59.500'],
  ])('%s in %s reads %s', (instant, zone, expected) => {
    expect(new Date(wallClockMs(ms(instant), zone)).toISOString()).toBe(`${expected}Z`);
  });

  it('gives offsets east-positive in ms', () => {
    expect(utcOffsetMs(ms('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(utcOffsetMs(ms('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(1 * HOUR);
  });
});

describe('instantsAtWallTime', () => {
  it('finds one instant for an ordinary time', () => {
    expect(instantsAtWallTime(wall('2026-06-01T09:00:00'), 'America/New_York')).toEqual([ms('2026-06-01T13:00:00Z')]);
  });
  it('finds none inside a spring-forward gap', () => {
    expect(instantsAtWallTime(wall('2026-03-08T02:30:00'), 'America/New_York')).toEqual([]);
  });
  it('finds both occurrences of a repeated fall-back time, earliest first', () => {
    expect(instantsAtWallTime(wall('2026-11-01T01:30:00'), 'America/New_York')).toEqual([
      ms('2026-11-01T05:30:00Z'),
      ms('2026-11-01T06:30:00Z'),
    ]);
  });
});

describe('offsetTransitions', () => {
  it.each([
    ['America/New_York', '2026-03-08', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T06:00:00.000Z'],
    ['Europe/London', '2026-03-29', '2026-03-29T01:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-03', '2026-10-03T15:30:00.000Z'],
  ])('%s changes offset on UTC day %s at %s', (zone, day, expected) => {
    const from = ms(`${day}T00:00:00Z`);
    expect(offsetTransitions(zone, from, from + 24 * HOUR).map((t) => new Date(t).toISOString())).toEqual([expected]);
  });
  it('finds nothing on an ordinary day or in a zone without DST', () => {
    const from = ms('2026-03-08T00:00:00Z');
    expect(offsetTransitions('America/Phoenix', from, from + 24 * HOUR)).toEqual([]);
    expect(offsetTransitions('America/New_York', from + 24 * HOUR, from + 48 * HOUR)).toEqual([]);
  });
});

describe('assertTimeZone', () => {
  it('accepts IANA zones and rejects others', () => {
    expect(() => assertTimeZone('America/Adak')).not.toThrow();
    expect(() => assertTimeZone('Not/AZone')).toThrow(/unknown IANA time zone: "Not\/AZone"/);
  });
});

describe('parseWallTime', () => {
  it.each([
    ['2026-11-24T10:00', '2026-11-24T10:00:00'],
    ['2026-11-24T10:00:05', '2026-11-24T10:00:05'],
    [' 2026-02-28T23:59:59 ', '2026-02-28T23:59:59'],
  ])('%j reads as %s', (text, expected) => {
    expect(parseWallTime(text)).toBe(wall(expected));
  });

  it.each(['', '2026-11-24', '2026-02-30T10:00', '2026-11-24T24:00', '2026-11-24T10:60', '2026-11-24 10:00', 'tomorrow'])('%j is refused', (text) => {
    expect(parseWallTime(text)).toBeUndefined();
  });
});

describe('instantAtWallTime / formatWallTime', () => {
  it.each([
    ['2026-11-24T10:00:00', 'America/Los_Angeles', '2026-11-24T18:00:00.000Z'],
    ['2026-07-01T10:00:05', 'America/Los_Angeles', '2026-07-01T17:00:05.000Z'],
    ['2026-11-24T00:30:00', 'Asia/Kolkata', '2026-11-23T19:00:00.000Z'],
    // spring-forward gap: 02:30 does not exist; read with the offset before the gap (−08:00) → 03:30 PDT
    ['2026-03-08T02:30:00', 'America/Los_Angeles', '2026-03-08T10:30:00.000Z'],
    // fall-back: 01:30 happens twice; the earlier (PDT, −07:00) wins
    ['2026-11-01T01:30:00', 'America/Los_Angeles', '2026-11-01T08:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(new Date(instantAtWallTime(wall(local), zone)).toISOString()).toBe(iso);
  });

  it('reads an instant back as the zone wall time, seconds kept', () => {
    expect(formatWallTime(ms('2026-11-24T18:00:05.900Z'), 'America/Los_Angeles')).toBe('2026-11-24T10:00:05');
  });

  it('round-trips every whole-second instant through its wall time (fold instants excepted: they read the earlier one)', () => {
    const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: ms('2020-01-01T00:00:00Z') / 1000, max: ms('2035-01-01T00:00:00Z') / 1000 }), fc.constantFrom(...zones), (s, zone) => {
        const instant = s * 1000;
        const back = instantAtWallTime(parseWallTime(formatWallTime(instant, zone))!, zone);
        const candidates = instantsAtWallTime(wallClockMs(instant, zone), zone);
        expect(back).toBe(candidates[0]);
        expect(candidates).toContain(instant);
      }),
      { numRuns: 2000 },
    );
  });

  describe('with the host in New York (whose own DST gap must not leak in)', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('reads London 02:30 on 2026-03-08 (inside New York’s gap) as 02:30, both ways', () => {
      process.env.TZ = 'America/New_York';
      expect(new Date('2026-03-08T07:30:00Z').getHours()).toBe(3); // the host zone really is New York here
      expect(formatWallTime(ms('2026-03-08T02:30:00Z'), 'Europe/London')).toBe('2026-03-08T02:30:00');
      expect(new Date(instantAtWallTime(wall('2026-03-08T02:30:00'), 'Europe/London')).toISOString()).toBe('2026-03-08T02:30:00.000Z');
      expect(zoneAbbreviation(ms('2026-03-08T02:30:00Z'), 'America/Los_Angeles')).toBe('PST');
    });
  });
});

describe('zoneAbbreviation', () => {
  it.each([
    ['2026-11-24T18:00:00Z', 'America/Los_Angeles', 'PST'],
    ['2026-07-01T18:00:00Z', 'America/New_York', 'EDT'],
    ['2026-07-01T18:00:00Z', 'UTC', 'UTC'],
  ])('%s in %s is %s', (instant, zone, name) => {
    expect(zoneAbbreviation(ms(instant), zone)).toBe(name);
  });
});
