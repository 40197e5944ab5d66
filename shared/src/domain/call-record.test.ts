import { describe, expect, it } from 'vitest';
import { toCallView, type CallRecord } from './call-record.js';

const at = '2026-11-24T15:00:00.000Z';
const record: CallRecord = {
  callId: 'c-1',
  clinicId: 'demo-clinic',
  consultationId: '310382',
  status: 'scheduled',
  scheduledFor: at,
  attention: 'none',
  attentionReasons: [],
  phoneNumber: '+14155550108',
  petName: 'Rex',
  ownerName: 'Ana Silva',
  recipientTimezone: 'America/Chicago',
  recipientZones: ['America/Los_Angeles'],
  attempt: 1,
  attempts: [{ attempt: 1, scheduledFor: at }],
  createdAt: at,
  updatedAt: at,
  version: 0,
  expiresAt: 1_900_000_000,
};

describe('toCallView', () => {
  it('leaves out the zones used for the calling window (staff-given and looked up at scheduling)', () => {
    const view = toCallView(record);
    expect(Object.keys(view)).not.toContain('recipientTimezone');
    expect(Object.keys(view)).not.toContain('recipientZones');
  });
});
