import type { CountryCode } from 'libphonenumber-js';

/** E.164: `+`, country code, subscriber number, at most 15 digits in all (ITU-T E.164). */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** The region assumed for numbers typed without a country code. The product serves US clinics first. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';
