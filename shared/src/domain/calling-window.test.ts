import { afterEach, describe, expect, it } from 'vitest';
import { NoCallSlotError, RECIPIENT_WINDOW, findCallSlot, isWithinCallingWindow } from './calling-window.js';
import { OPEN_ALWAYS, type CallingRules, type OpenInterval, type WeeklyHours } from './clinic.js';

const CLOSED: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const h = (start: string, end: string): OpenInterval[] => [{ start, end }];
const WEEKDAYS_9_TO_5: WeeklyHours = { ...CLOSED, mon: h('09:00', '17:00'), tue: h('09:00', '17:00'), wed: h('09:00', '17:00'), thu: h('09:00', '17:00'), fri: h('09:00', '17:00') };

function rules(over: Partial<CallingRules> = {}): CallingRules {
  return {
    timezone: 'America/New_York',
    weeklyHours: WEEKDAYS_9_TO_5,
    closedDates: [],
    enforceRecipientWindow: false,
    voicemailPolicy: 'complete',
    maxCallsPer30Days: 3,
    ...over,
  };
}
const at = (iso: string) => new Date(iso);
const slotAt = (requested: string, r: CallingRules, zones: string[] = [], maxSearchDays?: number) =>
  findCallSlot({ requested: at(requested), rules: r, recipientZones: zones, ...(maxSearchDays === undefined ? {} : { maxSearchDays }) });

describe('RECIPIENT_WINDOW', () => {
  it('is 08:00–21:00 (47 CFR 64.1200(c)(1))', () => {
    expect(RECIPIENT_WINDOW).toEqual({ start: '08:00', end: '21:00' });
  });
});

describe('findCallSlot — ordinary weeks', () => {
  it('keeps a request inside the window, to the millisecond, and does not call it moved', () => {
    const slot = slotAt('2026-06-03T14:07:31.123Z', rules()); // Wednesday 10:07 EDT
    expect(slot).toEqual({ at: at('2026-06-03T14:07:31.123Z'), moved: false });
  });

  it('moves an evening request to the next opening and says why, in clinic-local time', () => {
    const slot = slotAt('2026-06-03T22:00:00Z', rules()); // Wednesday 18:00 EDT
    expect(slot.at.toISOString()).toBe('2026-06-04T13:00:00.000Z');
    expect(slot.moved).toBe(true);
    expect(slot.reason).toBe("Moved to Thursday 2026-06-04 09:00 (America/New_York): outside the clinic's calling hours");
  });

  it('moves a Friday-evening request over the weekend', () => {
    expect(slotAt('2026-06-05T21:30:00Z', rules()).at.toISOString()).toBe('2026-06-08T13:00:00.000Z');
  });

  it('the end of an interval is exclusive', () => {
    expect(isWithinCallingWindow(at('2026-06-03T20:59:59.999Z'), rules(), [])).toBe(true);
    expect(isWithinCallingWindow(at('2026-06-03T21:00:00.000Z'), rules(), [])).toBe(false);
  });

  it('uses several intervals a day (lunch break)', () => {
    const r = rules({ weeklyHours: { ...CLOSED, wed: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }] } });
    expect(slotAt('2026-06-03T16:15:00Z', r).at.toISOString()).toBe('2026-06-03T17:30:00.000Z'); // 12:15 → 13:30 EDT
  });
});

describe('findCallSlot — midnight-spanning intervals and 24:00', () => {
  const night = rules({ weeklyHours: { ...CLOSED, fri: h('22:00', '02:00') } });

  it("a Friday 22:00–02:00 interval covers Saturday 01:00 and not Saturday 02:00", () => {
    expect(isWithinCallingWindow(at('2026-06-06T05:00:00Z'), night, [])).toBe(true); // Sat 01:00 EDT
    expect(isWithinCallingWindow(at('2026-06-06T06:00:00Z'), night, [])).toBe(false); // Sat 02:00 EDT
    expect(slotAt('2026-06-06T06:00:00Z', night).at.toISOString()).toBe('2026-06-13T02:00:00.000Z'); // next Fri 22:00
  });

  it('a closed date closes the interval that STARTS on it, including its after-midnight part', () => {
    const closedFri = { ...night, closedDates: ['2026-06-05'] };
    expect(isWithinCallingWindow(at('2026-06-06T05:00:00Z'), closedFri, [])).toBe(false); // Sat 01:00, Friday closed
    const closedSat = { ...night, closedDates: ['2026-06-06'] };
    expect(isWithinCallingWindow(at('2026-06-06T05:00:00Z'), closedSat, [])).toBe(true); // Saturday's closure does not cut Friday's night
  });

  it('"24:00" ends at midnight; 00:00–00:00 is the whole day', () => {
    const late = rules({ weeklyHours: { ...CLOSED, mon: h('18:00', '24:00') } });
    expect(isWithinCallingWindow(at('2026-06-09T03:59:59Z'), late, [])).toBe(true); // Mon 23:59:59 EDT
    expect(isWithinCallingWindow(at('2026-06-09T04:00:00Z'), late, [])).toBe(false); // Tue 00:00 EDT
    const allDay = rules({ weeklyHours: { ...CLOSED, mon: h('00:00', '00:00') } });
    expect(isWithinCallingWindow(at('2026-06-09T03:59:59Z'), allDay, [])).toBe(true);
    expect(isWithinCallingWindow(at('2026-06-09T04:00:00Z'), allDay, [])).toBe(false);
  });
});

describe('findCallSlot — holidays and closures', () => {
  it('skips a holiday and says so when the request falls on it', () => {
    const r = rules({ closedDates: ['2026-12-25'] });
    const slot = slotAt('2026-12-25T15:00:00Z', r); // Friday 10:00 EST, Christmas
    expect(slot.at.toISOString()).toBe('2026-12-28T14:00:00.000Z'); // Monday 09:00 EST
    expect(slot.reason).toBe('Moved to Monday 2026-12-28 09:00 (America/New_York): the clinic is closed on 2026-12-25');
  });

  it('skips a three-week closure', () => {
    const closed = Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(2026, 7, 3 + i)).toISOString().slice(0, 10));
    const r = rules({ closedDates: closed }); // 2026-08-03 .. 2026-08-23
    expect(slotAt('2026-08-03T14:00:00Z', r).at.toISOString()).toBe('2026-08-24T13:00:00.000Z');
    expect(() => slotAt('2026-08-03T14:00:00Z', r, [], 14)).toThrow(NoCallSlotError);
  });

  it('throws NoCallSlotError with a clear message when nothing is ever open', () => {
    const call = () => slotAt('2026-06-03T14:00:00Z', rules({ weeklyHours: CLOSED }));
    expect(call).toThrow(NoCallSlotError);
    expect(call).toThrow(/No open call slot within 60 days after 2026-06-03T14:00:00.000Z/);
  });

  it('throws when the clinic is only open at night and the recipient window is enforced', () => {
    const nightOnly = rules({ weeklyHours: { ...OPEN_ALWAYS, ...Object.fromEntries(Object.keys(CLOSED).map((d) => [d, h('21:00', '08:00')])) }, enforceRecipientWindow: true });
    expect(() => slotAt('2026-06-03T14:00:00Z', nightOnly)).toThrow(NoCallSlotError);
  });

  it('finds a slot exactly at the horizon but not beyond it', () => {
    const r = rules({ weeklyHours: { ...CLOSED, wed: h('09:00', '17:00') } });
    expect(slotAt('2026-06-04T13:00:00Z', r, [], 6).at.toISOString()).toBe('2026-06-10T13:00:00.000Z');
    expect(() => slotAt('2026-06-04T12:59:59.999Z', r, [], 6)).toThrow(NoCallSlotError);
  });
});

describe('recipient window (08:00–21:00 at the called party)', () => {
  const open = rules({ weeklyHours: OPEN_ALWAYS, enforceRecipientWindow: true });

  it('falls back to the clinic zone when no recipient zone is known', () => {
    expect(slotAt('2026-07-01T02:00:00Z', open).at.toISOString()).toBe('2026-07-01T12:00:00.000Z'); // 22:00 → 08:00 EDT
  });

  it('waits for 08:00 in the latest of several zones and stops at 21:00 in the earliest', () => {
    const zones = ['America/New_York', 'America/Los_Angeles'];
    const slot = slotAt('2026-07-01T12:00:00Z', open, zones); // NY 08:00, LA 05:00
    expect(slot.at.toISOString()).toBe('2026-07-01T15:00:00.000Z'); // LA 08:00
    expect(slot.reason).toContain("outside 08:00–21:00 at the recipient's local time (America/Los_Angeles)");
    expect(isWithinCallingWindow(at('2026-07-02T00:59:59Z'), open, zones)).toBe(true); // NY 20:59:59
    expect(isWithinCallingWindow(at('2026-07-02T01:00:00Z'), open, zones)).toBe(false); // NY 21:00
  });

  it('is intersected with the clinic hours (clinic in New York, owner in Los Angeles)', () => {
    expect(slotAt('2026-06-08T13:00:00Z', rules({ enforceRecipientWindow: true }), ['America/Los_Angeles']).at.toISOString()).toBe(
      '2026-06-08T15:00:00.000Z', // Monday 09:00 EDT is 06:00 PDT → 11:00 EDT = 08:00 PDT
    );
  });

  it('is ignored when the clinic turned it off', () => {
    const r = rules({ weeklyHours: OPEN_ALWAYS, enforceRecipientWindow: false });
    expect(isWithinCallingWindow(at('2026-07-01T07:00:00Z'), r, ['America/Los_Angeles'])).toBe(true); // 00:00 PDT
  });

  it('rejects an unknown zone with a RangeError', () => {
    expect(() => isWithinCallingWindow(at('2026-07-01T15:00:00Z'), open, ['Mars/Olympus_Mons'])).toThrow(RangeError);
    expect(() => slotAt('2026-07-01T15:00:00Z', rules({ timezone: 'Nowhere/Nope' }))).toThrow(RangeError);
  });
});

describe('DST — America/New_York, spring forward 2026-03-08 02:00 EST → 03:00 EDT (07:00Z)', () => {
  const sunday = (start: string, end: string) => rules({ weeklyHours: { ...CLOSED, sun: h(start, end) } });

  it('an interval starting at 02:30 (a time that does not exist that day) opens at 03:00 EDT', () => {
    const r = sunday('02:30', '05:00');
    expect(slotAt('2026-03-07T12:00:00Z', r).at.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(isWithinCallingWindow(at('2026-03-08T06:59:59.999Z'), r, [])).toBe(false); // 01:59:59 EST
    expect(isWithinCallingWindow(at('2026-03-08T08:59:59Z'), r, [])).toBe(true); // 04:59:59 EDT
    expect(isWithinCallingWindow(at('2026-03-08T09:00:00Z'), r, [])).toBe(false); // 05:00 EDT
  });

  it('an interval ending at 02:30 ends at the jump', () => {
    const r = sunday('01:00', '02:30');
    expect(isWithinCallingWindow(at('2026-03-08T06:59:59Z'), r, [])).toBe(true); // 01:59:59 EST
    expect(isWithinCallingWindow(at('2026-03-08T07:00:00Z'), r, [])).toBe(false); // 03:00 EDT
  });

  it('09:00 is 14:00Z the day before and 13:00Z on the day', () => {
    const r = rules({ weeklyHours: OPEN_ALWAYS, enforceRecipientWindow: true });
    expect(slotAt('2026-03-07T06:00:00Z', r).at.toISOString()).toBe('2026-03-07T13:00:00.000Z'); // 08:00 EST
    expect(slotAt('2026-03-08T06:00:00Z', r).at.toISOString()).toBe('2026-03-08T12:00:00.000Z'); // 08:00 EDT
  });
});

describe('DST — America/New_York, fall back 2026-11-01 02:00 EDT → 01:00 EST (06:00Z): repeated hour = union', () => {
  const sunday = (start: string, end: string) => rules({ weeklyHours: { ...CLOSED, sun: h(start, end) } });

  it('00:00–01:30 covers 00:00–01:30 EDT and again 01:00–01:30 EST', () => {
    const r = sunday('00:00', '01:30');
    expect(isWithinCallingWindow(at('2026-11-01T05:29:59Z'), r, [])).toBe(true); // 01:29:59 EDT
    expect(isWithinCallingWindow(at('2026-11-01T05:45:00Z'), r, [])).toBe(false); // 01:45 EDT
    expect(isWithinCallingWindow(at('2026-11-01T06:15:00Z'), r, [])).toBe(true); // 01:15 EST (second 01:15)
    expect(isWithinCallingWindow(at('2026-11-01T06:30:00Z'), r, [])).toBe(false); // 01:30 EST
    expect(slotAt('2026-11-01T05:31:00Z', r).at.toISOString()).toBe('2026-11-01T06:00:00.000Z'); // reopens at the jump
  });

  it('an interval opening at 01:30 opens at 01:30 EDT, pauses while the clock reads 01:00–01:29 EST, reopens at 01:30 EST', () => {
    const r = sunday('01:30', '03:00');
    expect(slotAt('2026-11-01T05:00:00Z', r).at.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(isWithinCallingWindow(at('2026-11-01T06:10:00Z'), r, [])).toBe(false);
    expect(slotAt('2026-11-01T06:10:00Z', r).at.toISOString()).toBe('2026-11-01T06:30:00.000Z');
    expect(isWithinCallingWindow(at('2026-11-01T07:59:59Z'), r, [])).toBe(true); // 02:59:59 EST
    expect(isWithinCallingWindow(at('2026-11-01T08:00:00Z'), r, [])).toBe(false); // 03:00 EST
  });
});

describe('DST — Europe/London (2026-03-29 01:00 GMT → 02:00 BST, 2026-10-25 02:00 BST → 01:00 GMT)', () => {
  it('a Friday-evening request lands on Monday 09:00 BST = 08:00Z, after the weekend change', () => {
    const r = rules({ timezone: 'Europe/London' });
    expect(slotAt('2026-03-27T17:30:00Z', r).at.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(slotAt('2026-10-23T17:30:00Z', r).at.toISOString()).toBe('2026-10-26T09:00:00.000Z'); // back on GMT
  });

  it('a London recipient of a New York clinic: 08:00 BST on the change day is 07:00Z', () => {
    const r = rules({ weeklyHours: OPEN_ALWAYS, enforceRecipientWindow: true });
    expect(slotAt('2026-03-29T06:30:00Z', r, ['Europe/London']).at.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(slotAt('2026-03-28T06:30:00Z', r, ['Europe/London']).at.toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  it('an interval 01:15–01:45 on the spring-forward day covers nothing that day', () => {
    const r = rules({ timezone: 'Europe/London', weeklyHours: { ...CLOSED, sun: h('01:15', '01:45') } });
    expect(slotAt('2026-03-29T00:00:00Z', r).at.toISOString()).toBe('2026-04-05T00:15:00.000Z'); // next Sunday 01:15 BST
  });
});

describe('DST — Australia/Lord_Howe (30-minute shift: 2026-10-04 02:00 +10:30 → 02:30 +11:00)', () => {
  it('an interval starting at 02:00 opens at 02:30 local, the first existing instant', () => {
    const r = rules({ timezone: 'Australia/Lord_Howe', weeklyHours: { ...CLOSED, sun: h('02:00', '03:00') } });
    const slot = slotAt('2026-10-03T12:00:00Z', r);
    expect(slot.at.toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(slot.reason).toBe("Moved to Sunday 2026-10-04 02:30 (Australia/Lord_Howe): outside the clinic's calling hours");
    expect(isWithinCallingWindow(at('2026-10-03T15:59:59Z'), r, [])).toBe(true); // 02:59:59 +11
    expect(isWithinCallingWindow(at('2026-10-03T16:00:00Z'), r, [])).toBe(false); // 03:00 +11
  });
});

describe('host time zone independence (the extension runs in the clinic’s browser zone)', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives the same answer in a host zone whose own DST gap hides the wall time', () => {
    // London 02:30 on 2026-03-08 exists (02:30Z) but is inside New York's gap: a host-zone conversion (date-fns-tz 3.2's toZonedTime) reads 03:30 there.
    const r = rules({ timezone: 'Europe/London', weeklyHours: { ...CLOSED, sun: h('02:00', '03:00') } });
    process.env.TZ = 'America/New_York';
    expect(new Date('2026-03-08T07:30:00Z').getHours()).toBe(3); // the host zone really is New York here
    expect(isWithinCallingWindow(at('2026-03-08T02:30:00Z'), r, [])).toBe(true);
    expect(isWithinCallingWindow(at('2026-03-08T03:00:00Z'), r, [])).toBe(false);
    expect(slotAt('2026-03-07T12:00:00Z', r).at.toISOString()).toBe('2026-03-08T02:00:00.000Z');
  });
});

describe('speed', () => {
  it('logs the cost of a typical findCallSlot (not asserted)', () => {
    const r = rules({ enforceRecipientWindow: true });
    // inside the window (fast path), moved a few hours, moved over a weekend, moved across a DST change
    const cases = ['2026-06-03T17:07:00Z', '2026-06-03T14:07:00Z', '2026-06-05T21:30:00Z', '2026-03-07T12:00:00Z'];
    const runs = 300;
    for (const requested of cases) {
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) slotAt(requested, r, ['America/Los_Angeles']);
      console.log(`findCallSlot(${requested}): ${((performance.now() - t0) / runs).toFixed(3)} ms per call`);
    }
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) expect(() => slotAt('2026-06-03T14:00:00Z', rules({ weeklyHours: CLOSED }))).toThrow();
    console.log(`findCallSlot with no slot in 60 days: ${((performance.now() - t0) / 20).toFixed(3)} ms per call`);
  });
});
