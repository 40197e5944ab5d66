import type { Clinic, Role } from '@vfc/shared';

/** Who a bearer token belongs to: a clinic API key (hash lookup) or a signed-in person (verified token claims). */
export interface TokenGrant {
  clinicId: string;
  role: Role;
  /** The token's label (e.g. "Front desk"), shown as who resolved a call; absent on tokens stored without one. */
  label?: string;
  /** An API key's id (its record under the clinic, see `ApiKeyStore`); absent on a signed-in person's grant. */
  keyId?: string;
  /** A signed-in person's id (their access token's `sub`); absent on API keys. */
  userId?: string;
  /** A signed-in person's name (or email) from their access token; absent on API keys. */
  name?: string;
}

/** Clinics and their API tokens (stored as SHA-256 hashes; the clear token is never stored). */
export interface ClinicStore {
  getClinic(clinicId: string): Promise<Clinic | undefined>;
  /** Every clinic (GSI1 `CLINICS`; used by the agent audit to find each clinic's configured agent). */
  listClinics(): Promise<Clinic[]>;
  /** Creates or replaces a clinic's settings (this also ends an agent-sync lease, see {@link claimAgentSync}). */
  putClinic(clinic: Clinic): Promise<void>;
  /**
   * Takes the clinic's agent-sync lease until `untilMs` (UTC epoch ms) with a conditional write: true when no other
   * lease is live at `nowMs`. Two admins saving voice settings at once can then never create two assistants; the lease
   * ends with the save's `putClinic`, or by itself at `untilMs` if that save died.
   */
  claimAgentSync(clinicId: string, nowMs: number, untilMs: number): Promise<boolean>;
  /** The grant of a token hash (lower-case hex SHA-256 of the token), or `undefined` (unknown or revoked). */
  findToken(tokenHash: string): Promise<TokenGrant | undefined>;
}
