import * as z from '../zod.js';
import { phoneNumberInput } from '../domain/phone-input.js';
import { IanaTimezone } from '../domain/clinic.js';
import { isoInstant } from './call.js';

const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max, `must be at most ${max} characters`));
const required = (max: number) => trimmed(max).check(z.minLength(1, 'is required'));

/** Longest `dischargeSummary` of `POST /calls`, characters. */
export const DISCHARGE_SUMMARY_MAX = 4000;
/** Longest `notes` of `POST /calls`, characters. */
export const NOTES_MAX = 2000;

/**
 * Body of `POST /calls`. `scheduledFor` is an instant (offset or `Z`), never in the past
 * (checked by the use case against its clock, since "now" is not a schema fact).
 * `phoneNumber` is what staff typed; the backend normalises it to E.164 (default region US).
 */
export const CreateCallRequest = z.object({
  consultationId: z.string().check(z.trim(), z.regex(/^\d{1,20}$/, 'must be the digits of a Neo consultation id')),
  petName: required(100),
  ownerName: required(200),
  phoneNumber: phoneNumberInput,
  vetName: z.optional(trimmed(200)),
  dischargeSummary: z.optional(trimmed(DISCHARGE_SUMMARY_MAX)),
  notes: z.optional(trimmed(NOTES_MAX)),
  /** IANA zone of the person called, when staff know it (wins over the zone guessed from the number). */
  recipientTimezone: z.optional(IanaTimezone),
  scheduledFor: isoInstant,
});
export type CreateCallRequest = z.infer<typeof CreateCallRequest>;
