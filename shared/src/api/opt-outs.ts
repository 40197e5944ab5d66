import * as z from '../zod.js';
import { E164_PATTERN } from '../domain/phone.js';
import { isoInstant } from './call.js';

/**
 * The clinic's do-not-call list (`/clinic/opt-outs`). FCC 24-18 (since 2025-04-11): a person may revoke consent by any
 * reasonable means, including saying so during the call; a number on the list is never dialled.
 */

/** Where an opt-out came from: typed by clinic staff, or asked for by the person during a call (call analysis). */
export const OptOutSource = z.enum(['staff', 'call']);
export type OptOutSource = z.infer<typeof OptOutSource>;

/** One number on the clinic's do-not-call list. `createdAt` is a UTC ISO instant. */
export const OptOut = z.object({
  phoneNumber: z.string().check(z.regex(E164_PATTERN)),
  reason: z.string(),
  createdAt: isoInstant,
  source: z.optional(OptOutSource),
  /** Our call id when the person asked during a call (`source: "call"`). */
  callId: z.optional(z.string()),
});
export type OptOut = z.infer<typeof OptOut>;

/** `GET /clinic/opt-outs` answer, ordered by phone number. */
export const ListOptOutsResponse = z.object({ items: z.array(OptOut) });
export type ListOptOutsResponse = z.infer<typeof ListOptOutsResponse>;

/**
 * `201` answer of `POST /clinic/opt-outs` (`200` when the number was already on the list, which keeps its first entry):
 * the entry, and the ids of the clinic's scheduled calls to that number that were cancelled because of it.
 */
export const AddOptOutResponse = z.extend(OptOut, { cancelledCallIds: z.array(z.string()) });
export type AddOptOutResponse = z.infer<typeof AddOptOutResponse>;
