import { describe, expect, it } from 'vitest';
import { aCallRecord } from '../test-support/call-records.js';
import { toCallView } from './call-record.js';

const at = '2026-11-24T15:00:00.000Z';
const record = aCallRecord(at, { recipientTimezone: 'America/Chicago', recipientZones: ['America/Los_Angeles'] });

describe('toCallView', () => {
  it('leaves out the zones used for the calling window (staff-given and looked up at scheduling)', () => {
    const view = toCallView(record);
    expect(Object.keys(view)).not.toContain('recipientTimezone');
    expect(Object.keys(view)).not.toContain('recipientZones');
  });
});
