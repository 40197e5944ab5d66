import { randomBytes } from 'node:crypto';
import type { LocalPeople, LocalPerson } from './people.js';

/** Fixed demo sign-ins (`DEMO_STAFF_EMAIL`, `DEMO_ADMIN_EMAIL`, `DEMO_PASSWORD`); defaults otherwise, password generated. */
export interface DemoPeopleOptions {
  staffEmail?: string;
  adminEmail?: string;
  password?: string;
}

/** The demo clinic's two people and their shared password (printed by `pnpm start`). */
export interface DemoPeople {
  staff: LocalPerson;
  admin: LocalPerson;
  password: string;
}

/** The demo people's defaults: invented names, `.example` addresses (RFC 2606: never a real mailbox). */
export const DEMO_PEOPLE_DEFAULTS = {
  staffEmail: 'staff@happypaws.example',
  staffName: 'Jamie Chen',
  adminEmail: 'admin@happypaws.example',
  adminName: 'Dr. Alex Rivera',
} as const;

/** Adds a staff member and an admin of `clinicId` to the local identity provider. */
export function seedDemoPeople(people: LocalPeople, clinicId: string, options: DemoPeopleOptions = {}): DemoPeople {
  const password = options.password || `Demo-${randomBytes(6).toString('base64url')}1!`;
  const staff = people.add({ email: options.staffEmail || DEMO_PEOPLE_DEFAULTS.staffEmail, name: DEMO_PEOPLE_DEFAULTS.staffName, clinicId, role: 'staff', password });
  const admin = people.add({ email: options.adminEmail || DEMO_PEOPLE_DEFAULTS.adminEmail, name: DEMO_PEOPLE_DEFAULTS.adminName, clinicId, role: 'admin', password });
  return { staff, admin, password };
}
