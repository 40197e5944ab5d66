import * as z from 'zod';
import { phoneNumberInput } from '../domain/phone-input.js';

/** Body of `POST /clinic/opt-outs`: a number as staff typed it (normalised to E.164, default region US). */
export const AddOptOutRequest = z.strictObject({
  phoneNumber: phoneNumberInput,
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
});
export type AddOptOutRequest = z.infer<typeof AddOptOutRequest>;

/** The `{phoneNumber}` path parameter of `DELETE /clinic/opt-outs/{phoneNumber}` (URL-encoded, e.g. `%2B14155550123`). */
export const OptOutPathNumber = phoneNumberInput;
