import * as z from '../zod.js';
import { Role } from '../domain/clinic.js';
import { isoInstant } from './call.js';

/**
 * One person of the clinic (`GET /clinic/staff`), from the person record ops write when inviting and the authorizer
 * refreshes each time it checks one of the person's access tokens.
 * - `userId`: the person's stable id (their tokens' `sub`), recorded as the author of their changes.
 * - `lastActiveAt`: UTC ISO instant of the last authorizer check of one of their tokens (API Gateway caches a verdict
 *   for up to 5 minutes, so it is exact to about 5 minutes); absent until they first use the API.
 * - `disabled`: ops disabled the person; their tokens are refused.
 */
export const StaffMember = z.object({
  userId: z.string().check(z.minLength(1)),
  name: z.string(),
  email: z.string(),
  role: Role,
  lastActiveAt: z.optional(isoInstant),
  disabled: z.boolean(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** `GET /clinic/staff` answer: the clinic's people, ordered by name. */
export const ListStaffResponse = z.object({ items: z.array(StaffMember) });
export type ListStaffResponse = z.infer<typeof ListStaffResponse>;
