import { describe, expect, it } from 'vitest';
import type { Call } from './call.js';
import { CALLS_EXPORT_COLUMNS, callsExportRow, clinicLocalTime } from './calls-export.js';

describe('clinicLocalTime', () => {
  it.each([
    ['2026-12-02T17:30:00.000Z', 'America/Los_Angeles', '2026-12-02 09:30 -08:00'],
    ['2026-07-02T17:30:00.000Z', 'America/Los_Angeles', '2026-07-02 10:30 -07:00'],
    ['2026-12-31T23:30:00.000Z', 'Asia/Kolkata', '2027-01-01 05:00 +05:30'],
    ['2026-03-08T10:00:00.000Z', 'America/New_York', '2026-03-08 06:00 -04:00'],
  ])('%s in %s reads %s', (iso, zone, expected) => {
    expect(clinicLocalTime(iso, zone)).toBe(expected);
  });
});

describe('callsExportRow', () => {
  const call: Call = {
    callId: 'c-1',
    consultationId: '310382',
    status: 'completed',
    statusCode: 'completed',
    scheduledFor: '2026-12-02T17:30:00.000Z',
    attention: 'urgent',
    attentionReasons: ['concern_urgent', 'callback_requested'],
    resolution: { resolvedAt: '2026-12-02T18:00:00.000Z', resolvedBy: 'Front desk', note: 'Called back' },
    phoneNumber: '+14155550108',
    petName: 'Bella',
    ownerName: 'Jane Doe',
    attempt: 2,
    attempts: [
      { attempt: 1, scheduledFor: '2026-12-02T17:20:00.000Z' },
      { attempt: 2, scheduledFor: '2026-12-02T17:30:00.000Z' },
    ],
    outcome: { summary: 'Vomiting since yesterday', sentiment: 'Negative' },
    createdAt: '2026-12-02T17:00:00.000Z',
    updatedAt: '2026-12-02T18:00:00.000Z',
  };

  it('gives one cell per column, in column order, times in the clinic zone', () => {
    const row = callsExportRow(call, 'America/Los_Angeles');
    expect(Object.fromEntries(CALLS_EXPORT_COLUMNS.map((column, i) => [column, row[i]]))).toEqual({
      scheduledFor: '2026-12-02 09:30 -08:00',
      status: 'completed',
      statusCode: 'completed',
      attempts: '2',
      attention: 'urgent',
      reasons: 'concern_urgent;callback_requested',
      pet: 'Bella',
      owner: 'Jane Doe',
      phone: '+14155550108',
      summary: 'Vomiting since yesterday',
      sentiment: 'Negative',
      resolvedAt: '2026-12-02 10:00 -08:00',
      resolvedBy: 'Front desk',
      resolutionNote: 'Called back',
      callId: 'c-1',
      consultationId: '310382',
    });
  });

  it('leaves the cells of what a call does not have empty', () => {
    const { resolution, outcome, statusCode, ...bare } = call;
    const row = callsExportRow({ ...bare, attention: 'none', attentionReasons: [] }, 'America/Los_Angeles');
    const cell = (column: (typeof CALLS_EXPORT_COLUMNS)[number]) => row[CALLS_EXPORT_COLUMNS.indexOf(column)];
    expect([cell('statusCode'), cell('reasons'), cell('summary'), cell('sentiment'), cell('resolvedAt'), cell('resolvedBy'), cell('resolutionNote')]).toEqual(['', '', '', '', '', '', '']);
  });
});
