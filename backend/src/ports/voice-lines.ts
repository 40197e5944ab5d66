import type { Clinic } from '@vfc/shared';
import type { DialSlots } from './dial-slots.js';
import type { VoiceProvider } from './voice-provider.js';

/**
 * One provider account as the dialer sees it: where its calls are placed and the concurrency slots that account
 * enforces. Ids (see `app/voice/voice-accounts.ts`): `retell:platform`, `vapi:platform`, `vapi:clinic:<clinicId>`.
 */
export interface VoiceLine {
  /** The provider account's id; stored on each attempt (`voiceAccount`) so its slot is released in the right line. */
  account: string;
  voice: VoiceProvider;
  /** The account's slots and waiting line; absent only in tests that dial without concurrency control. */
  slots?: DialSlots;
}

/**
 * The provider accounts calls can go through. In AWS and on the local stack: the platform's Retell account, the
 * platform's Vapi account, and each clinic's own Vapi account (its key in the secret store, its own limit).
 */
export interface VoiceLines {
  /**
   * The line of an account id. Clinic-owned accounts read the clinic (its limit) and its key.
   * @param readClinic - how to read the owning clinic when the line is not cached (the invocation's one read of it,
   * shared with its other steps); the lines' own clinic store otherwise.
   * @throws Error when the id is malformed, or a clinic-owned account has no stored key or no clinic.
   */
  line(account: string, readClinic?: (clinicId: string) => Promise<Clinic | undefined>): Promise<VoiceLine>;
  /** The account id a clinic's calls go through now (from its voice settings; cached briefly per process). */
  accountOfClinic(clinicId: string): Promise<string>;
}
