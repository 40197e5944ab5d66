import { describe, expect, it, vi } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import type { AppLogger } from '../ports/logger.js';
import { recipientZonesFor, storedRecipientZones, zonesToStore } from './call-slot.js';
import { aCallRecord } from '../local/test-support/test-calls.js';

const at = '2026-11-24T15:00:00.000Z';
const base: CallRecord = aCallRecord(at);

function spyLogger() {
  return { info: vi.fn(), warn: vi.fn<AppLogger['warn']>(), error: vi.fn() } satisfies AppLogger;
}

describe('recipientZonesFor (scheduling time)', () => {
  it("returns staff's recipientTimezone without looking the number up", async () => {
    const lookup = vi.fn(async () => ['America/Los_Angeles']);
    expect(await recipientZonesFor({ recipientZones: lookup }, '+14155550108', 'America/Chicago')).toEqual(['America/Chicago']);
    expect(lookup).not.toHaveBeenCalled();
  });

  it("returns the number's zones from the lookup when staff gave none", async () => {
    const lookup = vi.fn(async () => ['America/Los_Angeles']);
    expect(await recipientZonesFor({ recipientZones: lookup }, '+14155550108', undefined)).toEqual(['America/Los_Angeles']);
  });
});

describe('zonesToStore', () => {
  it('stores the looked-up zones, an empty list included (a number with no known zone)', () => {
    expect(zonesToStore(undefined, ['America/Los_Angeles'])).toEqual({ recipientZones: ['America/Los_Angeles'] });
    expect(zonesToStore(undefined, [])).toEqual({ recipientZones: [] });
  });

  it("stores nothing when staff's recipientTimezone wins", () => {
    expect(zonesToStore('America/Chicago', ['America/Chicago'])).toEqual({});
  });
});

describe('storedRecipientZones (dialer and retries: no lookup)', () => {
  it("returns staff's recipientTimezone over the stored zones", () => {
    const logger = spyLogger();
    expect(storedRecipientZones({ logger }, { ...base, recipientTimezone: 'America/Chicago', recipientZones: ['America/Los_Angeles'] })).toEqual([
      'America/Chicago',
    ]);
  });

  it('returns the zones stored at scheduling time, every one of them', () => {
    const logger = spyLogger();
    expect(storedRecipientZones({ logger }, { ...base, recipientZones: ['America/Anchorage', 'America/Adak'] })).toEqual([
      'America/Anchorage',
      'America/Adak',
    ]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('returns [] (the clinic zone applies) without a warning for a number stored with no known zone', () => {
    const logger = spyLogger();
    expect(storedRecipientZones({ logger }, { ...base, recipientZones: [] })).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it("falls back to [] (the clinic's zone) with a warning naming ids only for a call stored without zones", () => {
    const logger = spyLogger();
    expect(storedRecipientZones({ logger }, base)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]?.[1]).toEqual({ callId: 'c-1', clinicId: 'demo-clinic' });
  });
});
