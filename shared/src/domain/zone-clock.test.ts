import { describe, expect, it } from 'vitest';
import { assertTimeZone, instantsAtWallTime, offsetTransitions, utcOffsetMs, wallClockMs } from './zone-clock.js';

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
