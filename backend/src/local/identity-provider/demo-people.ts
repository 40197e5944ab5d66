import { createHash, randomBytes } from 'node:crypto';
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

/**
 * A demo person's `sub`: UUID-shaped like Cognito's, but derived from the clinic and the email, so a restarted local
 * stack (file-backed mode) gives the same people the same ids and their person records stay one each.
 */
export function demoSub(clinicId: string, email: string): string {
  const hex = createHash('sha256').update(`${clinicId}\n${email.trim().toLowerCase()}`, 'utf8').digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Adds a staff member and an admin of `clinicId` to the local identity provider. */
export function seedDemoPeople(people: LocalPeople, clinicId: string, options: DemoPeopleOptions = {}): DemoPeople {
  const password = options.password || `Demo-${randomBytes(6).toString('base64url')}1!`;
  const staffEmail = options.staffEmail || DEMO_PEOPLE_DEFAULTS.staffEmail;
  const adminEmail = options.adminEmail || DEMO_PEOPLE_DEFAULTS.adminEmail;
  const staff = people.add({ email: staffEmail, name: DEMO_PEOPLE_DEFAULTS.staffName, clinicId, role: 'staff', password, sub: demoSub(clinicId, staffEmail) });
  const admin = people.add({ email: adminEmail, name: DEMO_PEOPLE_DEFAULTS.adminName, clinicId, role: 'admin', password, sub: demoSub(clinicId, adminEmail) });
  return { staff, admin, password };
}
