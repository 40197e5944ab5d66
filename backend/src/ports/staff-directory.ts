import type { Role } from '@vfc/shared';

/** A person to invite: their clinic, sign-in email, name and role. */
export interface Invitation {
  clinicId: string;
  email: string;
  name: string;
  role: Role;
}

/** An invited person as the directory knows them. */
export interface InvitedPerson {
  /** The person's stable id (the `sub` of their tokens). */
  userId: string;
  email: string;
  /** A temporary password to hand over, when the directory does not send it itself (the local stand-in). */
  temporaryPassword?: string;
}

/** A person just disabled, as the directory knew them (what their person record is marked with). */
export interface DisabledPerson {
  /** Their tokens' `sub`. */
  userId: string;
  clinicId: string;
  email: string;
  name: string;
  role: Role;
}

/** The people who may sign in (Cognito in AWS, the local identity provider with `pnpm start`). */
export interface StaffDirectory {
  /**
   * Creates a person in a clinic with a role (an admin is in the `staff` and `admin` groups).
   * @throws Error when the email is already taken.
   */
  invite(invitation: Invitation): Promise<InvitedPerson>;
  /**
   * Takes access away at once: no new sign-in, and no refresh of the tokens they hold.
   * @returns who was disabled (id, clinic, name, role), for their person record.
   * @throws Error when no such person exists.
   */
  disable(email: string): Promise<DisabledPerson>;
}
