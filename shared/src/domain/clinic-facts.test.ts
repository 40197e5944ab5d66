import { describe, expect, it } from 'vitest';
import { renderClinicFacts } from './clinic-facts.js';

const day = [{ start: '09:00', end: '17:30' }];
const clinic = {
  name: 'Pawsome Vet',
  phoneNumber: '+14155550100',
  timezone: 'America/Los_Angeles',
  weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }], sat: [], sun: [{ start: '00:00', end: '24:00' }] },
  closedDates: ['2026-12-25', '2026-12-01', '2027-01-01'],
};

describe('renderClinicFacts', () => {
  it('writes the name, phone, hours per day and the closed dates ahead in plain words', () => {
    // 06:00 UTC on 4 Dec = 22:00 on 3 Dec in Los Angeles: 1 Dec is past, 25 Dec and 1 Jan are ahead.
    expect(renderClinicFacts(clinic, new Date('2026-12-04T06:00:00Z'))).toBe(
      [
        'The clinic is Pawsome Vet.',
        "The clinic's phone number is +14155550100.",
        "The clinic's hours, in its local time (America/Los_Angeles):",
        '- Monday: 9:00 to 17:30.',
        '- Tuesday: 9:00 to 17:30.',
        '- Wednesday: 9:00 to 17:30.',
        '- Thursday: 9:00 to 17:30.',
        '- Friday: 8:00 to 12:00 and 13:00 to 18:00.',
        '- Saturday: closed.',
        '- Sunday: all day.',
        'The clinic is closed on these dates: Friday 25 December 2026; Friday 1 January 2027.',
      ].join('\n'),
    );
  });

  it('says no closing dates are planned when none is ahead', () => {
    expect(renderClinicFacts({ ...clinic, closedDates: ['2026-01-01'] }, new Date('2026-12-04T06:00:00Z'))).toContain('No closing dates are planned.');
  });
});
