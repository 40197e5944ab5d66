import type { Clinic } from '@vfc/shared';
import type { VoiceLine, VoiceLines } from '../../ports/voice-lines.js';
import type { Dependencies } from '../dependencies.js';

/** The platform's Retell account: every clinic without voice settings, and every clinic on Retell. */
export const RETELL_PLATFORM = 'retell:platform';
/** The platform's Vapi account (Vapi's default concurrency limit: 10 per organisation). */
export const VAPI_PLATFORM = 'vapi:platform';
const CLINIC_VAPI_PREFIX = 'vapi:clinic:';

/** The id of a clinic's own Vapi account. */
export const clinicVapiAccount = (clinicId: string) => `${CLINIC_VAPI_PREFIX}${clinicId}`;

/** The clinic id of a clinic-owned account id, or `undefined` for a platform account. */
export function clinicOfAccount(account: string): string | undefined {
  return account.startsWith(CLINIC_VAPI_PREFIX) ? account.slice(CLINIC_VAPI_PREFIX.length) : undefined;
}

/**
 * The account a clinic's calls go through now, from its voice settings: Retell → the platform's Retell account (own
 * Retell workspaces are not offered); Vapi → the platform's Vapi account, or the clinic's own when it saved a key.
 * Slots belong to that account: a clinic on its own account never takes the platform's slots, and the reverse.
 */
export function voiceAccountOf(clinic: Pick<Clinic, 'clinicId' | 'voice'>): string {
  const voice = clinic.voice;
  if (!voice || voice.provider === 'retell') return RETELL_PLATFORM;
  return voice.account === 'clinic' ? clinicVapiAccount(clinic.clinicId) : VAPI_PLATFORM;
}

/** How one clinic's call is placed: the account's line, the calling number and the provider's agent. */
export interface ClinicDialing {
  line: VoiceLine;
  /** E.164 calling number. */
  fromNumber: string;
  /** The provider's id of that number (Vapi `phoneNumberId`). */
  phoneNumberId?: string;
  /** Retell `agent_id` or Vapi `assistantId`. */
  agentId: string;
}

/**
 * The account lines of `deps`: `deps.voiceLines` in AWS and on the local stack; otherwise (tests that wire one
 * provider) every account is the one line made of `deps.voice` and `deps.slots`.
 */
export function linesOf(deps: Pick<Dependencies, 'voice' | 'slots' | 'voiceLines'>): VoiceLines {
  if (deps.voiceLines) return deps.voiceLines;
  const only: VoiceLine = { account: RETELL_PLATFORM, voice: deps.voice, ...(deps.slots ? { slots: deps.slots } : {}) };
  return { line: async () => only, accountOfClinic: async () => RETELL_PLATFORM };
}

/** The line of an attempt: the account it was claimed on (`voiceAccount`), the platform's Retell account before that field existed. */
export function lineOfAttempt(deps: Pick<Dependencies, 'voice' | 'slots' | 'voiceLines'>, account: string | undefined): Promise<VoiceLine> {
  return linesOf(deps).line(account ?? RETELL_PLATFORM);
}

/**
 * How the clinic's calls are placed now. A Vapi clinic dials its synced assistant (`voice.agentId`) from its chosen
 * number; a Retell clinic its `agentId` from its `fromNumber`.
 * @returns `undefined` when a Vapi clinic has no assistant yet (the dialer holds the call; saving the voice settings syncs one).
 */
export async function dialingFor(deps: Pick<Dependencies, 'voice' | 'slots' | 'voiceLines'>, clinic: Clinic): Promise<ClinicDialing | undefined> {
  const line = await linesOf(deps).line(voiceAccountOf(clinic));
  const voice = clinic.voice;
  if (voice?.provider === 'vapi') {
    if (!voice.agentId) return undefined;
    return { line, fromNumber: voice.fromNumber ?? clinic.fromNumber, ...(voice.phoneNumberId ? { phoneNumberId: voice.phoneNumberId } : {}), agentId: voice.agentId };
  }
  return { line, fromNumber: voice?.fromNumber ?? clinic.fromNumber, agentId: clinic.agentId };
}
