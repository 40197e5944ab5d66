import * as z from '../zod.js';
import { phoneNumberInput } from '../domain/phone-input.js';

/** Body of `POST /clinic/opt-outs`: a number as staff typed it (normalised to E.164, default region US). */
export const AddOptOutRequest = z.strictObject({
  phoneNumber: phoneNumberInput,
  reason: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500, 'must be at most 500 characters'))),
});
export type AddOptOutRequest = z.infer<typeof AddOptOutRequest>;

/** The `{phoneNumber}` path parameter of `DELETE /clinic/opt-outs/{phoneNumber}` (URL-encoded, e.g. `%2B14155550123`). */
export const OptOutPathNumber = phoneNumberInput;
