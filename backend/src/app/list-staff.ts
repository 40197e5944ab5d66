import type { ListStaffResponse, StaffMember } from '@vfc/shared';
import type { PeopleStore, PersonRecord } from '../ports/people-store.js';

/** A person's record as the clinic's admins see it (`disabled` instead of the instant it happened). */
export function staffMember(record: PersonRecord): StaffMember {
  const { userId, name, email, role, lastActiveAt, disabledAt } = record;
  return { userId, name, email, role, ...(lastActiveAt ? { lastActiveAt } : {}), disabled: disabledAt !== undefined };
}

/** `GET /clinic/staff`: the clinic's people from their records, ordered by name. */
export async function listStaff(deps: { people: Pick<PeopleStore, 'list'> }, clinicId: string): Promise<ListStaffResponse> {
  return { items: (await deps.people.list(clinicId)).map(staffMember) };
}
