import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import * as z from '../zod.js';
import { DEFAULT_PHONE_REGION } from './phone.js';

/*
 * Parsing what people type into E.164 needs libphonenumber-js's metadata (~120 kB minified). It lives apart from
 * `phone.ts` (the E.164 pattern) so that code which only reads stored E.164 numbers does not bundle it.
 */

/**
 * Normalises a phone number as staff or Neo wrote it to E.164 with libphonenumber-js.
 * Accepts "(415) 555-0123", "415.555.0123", "+1 415 555 0123", "+44 20 7946 0958".
 * @param input - free text; national numbers are read in `region`.
 * @returns the E.164 string (e.g. `+14155550123`), or `undefined` when it is not a valid number.
 */
export function toE164(input: string, region: CountryCode = DEFAULT_PHONE_REGION): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), region);
  if (!parsed || !parsed.isValid()) return undefined;
  return parsed.number;
}

/** zod field for a phone number typed by a person: validated and transformed to E.164. */
export const phoneNumberInput = z.pipe(
  z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(40, 'is too long')),
  z.transform((value: string, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      ctx.issues.push({ code: 'custom', message: `"${value}" is not a valid phone number`, input: value });
      return z.NEVER;
    }
    return e164;
  }),
);
