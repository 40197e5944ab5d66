import type { OptOut } from '@vfc/shared';

/** A clinic's do-not-call list (FCC 24-18 revocation of consent). Numbers are E.164. */
export interface OptOutStore {
  /**
   * Puts the number on the list. Idempotent: when it is already there the first entry is kept and returned.
   * @returns the stored entry and whether this call added it.
   */
  add(clinicId: string, entry: OptOut): Promise<{ entry: OptOut; added: boolean }>;
  /** Takes the number off the list. @returns false when it was not on it. */
  remove(clinicId: string, phoneNumber: string): Promise<boolean>;
  /** The whole list, ordered by phone number. */
  list(clinicId: string): Promise<OptOut[]>;
  /** Is the number on the list? (strongly consistent read) */
  isOptedOut(clinicId: string, phoneNumber: string): Promise<boolean>;
}
