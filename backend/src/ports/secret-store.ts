/**
 * Per-clinic provider keys (one secret per clinic). Keys are never stored in DynamoDB, never returned by the API and
 * never logged. Methods throw on storage failure.
 */
export interface SecretStore {
  /** Creates or replaces the clinic's provider key. */
  putClinicKey(clinicId: string, key: string): Promise<void>;
  /** The clinic's key, or `undefined` when it has none. */
  getClinicKey(clinicId: string): Promise<string | undefined>;
  /** Forgets the clinic's key (back to the platform's account); no error when there is none. */
  deleteClinicKey(clinicId: string): Promise<void>;
}
