/**
 * The zones this runtime's `Intl` accepts, remembered per process: building an `Intl.DateTimeFormat` only to ask
 * whether a zone exists costs about a millisecond, and every request validates the same few zones (the clinic's,
 * the recipient's). Only accepted zones are remembered (the IANA database has about 600 names), so arbitrary
 * strings sent by callers cannot grow the set.
 */
const accepted = new Set<string>();

/** Does this runtime's `Intl` accept `zone` as a time zone (`America/New_York`, `UTC`, also `EST`)? */
export function runtimeKnowsZone(zone: string): boolean {
  if (accepted.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  accepted.add(zone);
  return true;
}
