import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import * as z from 'zod';

/** E.164: `+`, country code, subscriber number, at most 15 digits in all (ITU-T E.164). */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** The region assumed for numbers typed without a country code. The product serves US clinics first. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

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
export const phoneNumberInput = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(40, 'is too long')
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid phone number` });
      return z.NEVER;
    }
    return e164;
  });
