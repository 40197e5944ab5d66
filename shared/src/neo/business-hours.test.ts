import { describe, expect, it } from 'vitest';
import { neoTimeToLocalTime, weeklyHoursFromNeoScheduleConfigs } from './business-hours.js';

const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('weeklyHoursFromNeoScheduleConfigs', () => {
  it('maps the observed Neo shape (the fake Neo serves exactly this): daysOfWeek 0 = Sunday', () => {
    const result = weeklyHoursFromNeoScheduleConfigs({ businessHours: { start: '08:00', end: '18:00', daysOfWeek: [1, 2, 3, 4, 5] } });
    const weekday = [{ start: '08:00', end: '18:00' }];
    expect(result).toEqual({
      ok: true,
      ignored: [],
      weeklyHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    });
  });

  it('reads 0 as Sunday and 6 as Saturday, not Monday-first', () => {
    const result = weeklyHoursFromNeoScheduleConfigs({ businessHours: { start: '09:00', end: '13:00', daysOfWeek: [0, 6] } });
    expect(result.ok && result.weeklyHours).toEqual({ ...closed, sat: [{ start: '09:00', end: '13:00' }], sun: [{ start: '09:00', end: '13:00' }] });
  });

  it('gives several intervals per day from an array (FullCalendar v4 startTime/endTime, seconds dropped), sorted', () => {
    const result = weeklyHoursFromNeoScheduleConfigs({
      businessHours: [
        { startTime: '14:00:00', endTime: '19:30:00', daysOfWeek: [1, 3] },
        { startTime: '8:00', endTime: '12:00', daysOfWeek: ['1', '3', '5'] },
        { startTime: '08:00', endTime: '12:00', daysOfWeek: [1] },
      ],
    });
    expect(result.ok && result.weeklyHours).toEqual({
      ...closed,
      mon: [
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '19:30' },
      ],
      wed: [
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '19:30' },
      ],
      fri: [{ start: '08:00', end: '12:00' }],
    });
  });

  it('accepts FullCalendar v3 `dow`, an end of 24:00 and an interval past midnight', () => {
    const result = weeklyHoursFromNeoScheduleConfigs({
      businessHours: [
        { start: '18:00', end: '24:00', dow: [2] },
        { start: '22:00', end: '02:00', dow: [4] },
      ],
      somethingElse: true,
    });
    expect(result.ok && result.weeklyHours).toEqual({ ...closed, tue: [{ start: '18:00', end: '24:00' }], thu: [{ start: '22:00', end: '02:00' }] });
  });

  it('leaves out unusable entries and says which', () => {
    const result = weeklyHoursFromNeoScheduleConfigs({
      businessHours: [
        { start: 'noon', end: '18:00', daysOfWeek: [1] },
        { start: '09:00', end: '09:00', daysOfWeek: [2] },
        { start: '09:00', end: '17:00', daysOfWeek: [3] },
      ],
    });
    expect(result).toMatchObject({ ok: true, weeklyHours: { ...closed, wed: [{ start: '09:00', end: '17:00' }] } });
    expect(result.ok && result.ignored).toEqual(['entry 1: "noon"–"18:00" is not a time range', 'entry 2: starts and ends at 09:00']);
  });

  it.each([
    ['no businessHours', {}],
    ['businessHours: true (FullCalendar default flag)', { businessHours: true }],
    ['days out of range', { businessHours: { start: '08:00', end: '18:00', daysOfWeek: [7] } }],
    ['an HTML login page read as text', '<html>Please log in</html>'],
    ['null', null],
  ])('refuses %s', (_label, json) => {
    expect(weeklyHoursFromNeoScheduleConfigs(json)).toEqual({ ok: false, reason: 'Neo did not answer with business hours we understand.' });
  });

  it('refuses hours that open on no day', () => {
    expect(weeklyHoursFromNeoScheduleConfigs({ businessHours: { start: '08:00', end: '18:00', daysOfWeek: [] } })).toEqual({
      ok: false,
      reason: 'Neo reports no open hours on any day.',
    });
  });
});

describe('neoTimeToLocalTime', () => {
  it.each([
    ['8:00', '08:00'],
    ['08:05:30', '08:05'],
    ['24:00', '24:00'],
    ['24:30', undefined],
    ['12:60', undefined],
    ['8', undefined],
  ])('%s → %s', (input, expected) => {
    expect(neoTimeToLocalTime(input)).toBe(expected);
  });
});
