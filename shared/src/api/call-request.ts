import * as z from 'zod';
import { phoneNumberInput } from '../domain/phone-input.js';
import { IanaTimezone } from '../domain/clinic.js';
import { isoInstant } from './call.js';

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => trimmed(max).min(1, 'is required');

/**
 * Body of `POST /calls`. `scheduledFor` is an instant (offset or `Z`), never in the past
 * (checked by the use case against its clock, since "now" is not a schema fact).
 * `phoneNumber` is what staff typed; the backend normalises it to E.164 (default region US).
 */
export const CreateCallRequest = z.object({
  consultationId: z.string().trim().regex(/^\d{1,20}$/, 'must be the digits of a Neo consultation id'),
  petName: required(100),
  ownerName: required(200),
  phoneNumber: phoneNumberInput,
  vetName: trimmed(200).optional(),
  dischargeSummary: trimmed(4000).optional(),
  notes: trimmed(2000).optional(),
  /** IANA zone of the person called, when staff know it (wins over the zone guessed from the number). */
  recipientTimezone: IanaTimezone.optional(),
  scheduledFor: isoInstant,
});
export type CreateCallRequest = z.infer<typeof CreateCallRequest>;
