import type { RegistryAgent } from '@vfc/shared';

/**
 * Our registry of the clinics' Vapi assistants: one record per clinic per role (a {@link RegistryAgent} with
 * `provider: "vapi"`, `clinicId`, `role`, `account`; `agentId` = the assistant id). Kept apart from the Retell
 * registry, so a sync of one provider never orphans the other's records.
 */
export interface AssistantRegistry {
  /** Every Vapi assistant record (an index query, never a scan), sorted by clinic then role. */
  list(): Promise<RegistryAgent[]>;
  get(clinicId: string, role: string): Promise<RegistryAgent | undefined>;
  /**
   * Writes the clinic's record for its role only when there is none yet, or it still names `expectedAgentId`, or it
   * already names this record's assistant (a conditional write): of two syncs that each found or created an assistant,
   * exactly one wins. `record` needs `clinicId` and `role`.
   * @returns `false` when another assistant holds the clinic's role (nothing written).
   */
  claim(record: RegistryAgent, expectedAgentId: string | undefined): Promise<boolean>;
  /** Removes the clinic's record for the role; a missing one is a success. */
  remove(clinicId: string, role: string): Promise<void>;
}
