import { describe, expect, it } from 'vitest';
import { clinicLocalToUtcIso, clinicTimeProblemText, formatClinicTime, localizeInstants, minClinicLocalInput, quickChoices, readClinicTime, toClinicLocalInput, zoneLabel } from './clinic-time';

describe('clinicLocalToUtcIso', () => {
  it.each([
    ['2026-11-24T10:00:00', 'America/Los_Angeles', '2026-11-24T18:00:00.000Z'],
    ['2026-11-24T10:00', 'America/Los_Angeles', '2026-11-24T18:00:00.000Z'],
    ['2026-07-01T10:00:05', 'America/Los_Angeles', '2026-07-01T17:00:05.000Z'],
    ['2026-11-24T10:00:00', 'Europe/London', '2026-11-24T10:00:00.000Z'],
    ['2026-11-24T00:30:00', 'Asia/Kolkata', '2026-11-23T19:00:00.000Z'],
    // 02:30 does not exist on 2026-03-08 in Los Angeles (DST gap): read with the offset before the gap (−08:00), it
    // still gives an instant, 03:30 PDT, instead of failing.
    ['2026-03-08T02:30:00', 'America/Los_Angeles', '2026-03-08T10:30:00.000Z'],
  ])('%s in %s → %s', (local, zone, iso) => {
    expect(clinicLocalToUtcIso(local, zone)).toBe(iso);
  });

  it.each(['', '2026-11-24', '2026-02-30T10:00', '2026-11-24T25:00', 'tomorrow'])('%j → undefined', (local) => {
    expect(clinicLocalToUtcIso(local, 'America/New_York')).toBeUndefined();
  });
});

describe('display helpers', () => {
  const instant = '2026-11-24T18:00:05.000Z';
  it('round-trips through the input value', () => {
    const local = toClinicLocalInput(instant, 'America/Los_Angeles');
    expect(local).toBe('2026-11-24T10:00:05');
    expect(clinicLocalToUtcIso(local, 'America/Los_Angeles')).toBe(instant);
  });

  it('formats in the clinic zone, not the host zone', () => {
    expect(formatClinicTime(instant, 'America/New_York')).toBe('Tue 24 Nov 2026, 13:00:05 EST');
    expect(zoneLabel('America/Los_Angeles', new Date(instant))).toBe('America/Los_Angeles (PST)');
  });
});

describe('quickChoices', () => {
  it('in 1 hour and tomorrow 10:00, clinic-local', () => {
    // 23:30 in Los Angeles on the 23rd is already the 24th in UTC: "tomorrow" must be the 24th, not the 25th.
    const now = new Date('2026-11-24T07:30:00Z');
    expect(quickChoices(now, 'America/Los_Angeles')).toEqual([
      { label: 'In 1 hour', value: '2026-11-24T00:30' },
      { label: 'Tomorrow 10:00', value: '2026-11-24T10:00' },
    ]);
  });

  it('crosses month ends', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(quickChoices(now, 'UTC')[1]?.value).toBe('2026-12-01T10:00');
  });
});

describe('localizeInstants', () => {
  it('rewrites every zoned ISO instant of a text as clinic time and leaves the rest', () => {
    expect(localizeInstants('from 2026-12-24T15:00:00.000Z until 2026-12-25T01:00:00+01:00, not 2026-12-24', 'America/New_York')).toBe(
      'from Thu 24 Dec 2026, 10:00:00 EST until Thu 24 Dec 2026, 19:00:00 EST, not 2026-12-24',
    );
  });
});

describe('times people read', () => {
  it('follows the locale for 12- or 24-hour clocks, the same date order in both', () => {
    const instant = '2026-07-01T14:00:05.000Z';
    expect(formatClinicTime(instant, 'America/New_York', 'en-US')).toBe('Wed 1 Jul 2026, 10:00:05 AM EDT');
    expect(formatClinicTime(instant, 'America/New_York', 'en-GB')).toBe('Wed 1 Jul 2026, 10:00:05 EDT');
  });

  it("names the zone's abbreviation for the instant shown, not for today", () => {
    const winter = new Date('2026-12-03T12:00:00Z');
    expect(zoneLabel('America/New_York', new Date('2026-07-01T14:00:00Z'))).toBe('America/New_York (EDT)');
    expect(zoneLabel('America/New_York', winter)).toBe('America/New_York (EST)');
    expect(formatClinicTime('2026-07-01T14:00:00Z', 'America/Los_Angeles', 'en-GB')).toMatch(/ PDT$/);
  });

  it('refuses a time the clocks skip (DST gap) instead of moving it', () => {
    // 02:30 does not exist on 2026-03-08 in Los Angeles: clocks go from 02:00 PST to 03:00 PDT.
    expect(readClinicTime('2026-03-08T02:30', 'America/Los_Angeles')).toEqual({ ok: false, problem: 'dst_gap' });
    expect(clinicTimeProblemText('dst_gap', 'America/Los_Angeles')).toMatch(/does not exist in America\/Los_Angeles/);
    expect(readClinicTime('2026-03-08T03:30', 'America/Los_Angeles')).toEqual({ ok: true, instant: new Date('2026-03-08T10:30:00Z') });
  });

  it('takes the earlier instant of a repeated fall-back time', () => {
    expect(readClinicTime('2026-11-01T01:30', 'America/Los_Angeles')).toEqual({ ok: true, instant: new Date('2026-11-01T08:30:00Z') });
  });

  it('refuses empty, malformed and past times', () => {
    const now = new Date('2026-11-24T15:00:00Z'); // 10:00 in New York
    expect(readClinicTime('', 'America/New_York', now)).toEqual({ ok: false, problem: 'required' });
    expect(readClinicTime('2026-02-30T10:00', 'America/New_York', now)).toEqual({ ok: false, problem: 'invalid' });
    expect(readClinicTime('2026-11-24T09:59', 'America/New_York', now)).toEqual({ ok: false, problem: 'past' });
    expect(readClinicTime('2026-11-24T10:01', 'America/New_York', now).ok).toBe(true);
  });

  it("offers nothing before now in the picker (min, clinic-local, to the minute)", () => {
    expect(minClinicLocalInput(new Date('2026-11-24T15:00:42Z'), 'America/New_York')).toBe('2026-11-24T10:00');
  });
});
