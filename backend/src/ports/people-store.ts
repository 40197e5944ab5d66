import type { Role } from '@vfc/shared';

/** Who a person is, as their access token's claims (or ops, when inviting) say. */
export interface PersonIdentity {
  clinicId: string;
  /** The person's stable id: their tokens' `sub`. */
  userId: string;
  name: string;
  email: string;
  role: Role;
}

/** A person's record: their identity, last activity and whether they are disabled (UTC ISO instants). */
export interface PersonRecord extends PersonIdentity {
  lastActiveAt?: string;
  disabledAt?: string;
}

/** What recording a person's activity found. */
export type PersonActivity = 'recorded' | 'disabled';

/**
 * The clinic's people (signed-in staff), one record each. ops write it when inviting and mark it when disabling; the
 * authorizer refreshes it on each verdict it computes for a person and refuses a disabled one.
 */
export interface PeopleStore {
  /** Creates or updates a person's identity; keeps their last activity and a disabled mark. */
  put(person: PersonIdentity): Promise<void>;
  /**
   * One conditional write: the identity (as the token now says) and `lastActiveAt` = `at`, unless the person is
   * disabled (`'disabled'`, nothing written). A person without a record gets one.
   */
  recordActivity(person: PersonIdentity, at: string): Promise<PersonActivity>;
  /**
   * Marks a person disabled at `at` (UTC ISO). A person without a record gets one from `person` (an existing record
   * keeps its name, email and role), so the authorizer refuses them even if they never used the API before.
   */
  disable(person: PersonIdentity, at: string): Promise<void>;
  /** The clinic's people, ordered by name. */
  list(clinicId: string): Promise<PersonRecord[]>;
}
