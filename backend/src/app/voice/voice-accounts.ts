import { defaultConcurrencyLimit, type Clinic, type VoiceProviderName } from '@vfc/shared';
import type { VoiceLine, VoiceLines } from '../../ports/voice-lines.js';
import type { Dependencies } from '../dependencies.js';

/** The platform's Retell account: every clinic without voice settings, and every clinic on Retell without its own key. */
export const RETELL_PLATFORM = 'retell:platform';
/** The platform's Vapi account (Vapi's default concurrency limit: 10 per organisation). */
export const VAPI_PLATFORM = 'vapi:platform';
const CLINIC_VAPI_PREFIX = 'vapi:clinic:';
const CLINIC_RETELL_PREFIX = 'retell:clinic:';

/** The id of a clinic's own Vapi account. */
export const clinicVapiAccount = (clinicId: string) => `${CLINIC_VAPI_PREFIX}${clinicId}`;
/** The id of a clinic's own Retell workspace (its own API key, numbers, agent and concurrency). */
export const clinicRetellAccount = (clinicId: string) => `${CLINIC_RETELL_PREFIX}${clinicId}`;

/** The clinic id of a clinic-owned account id, or `undefined` for a platform account. */
export function clinicOfAccount(account: string): string | undefined {
  return ownedAccountOf(account)?.clinicId;
}

/** The provider and clinic of a clinic-owned account id, or `undefined` for a platform account (or a malformed id). */
export function ownedAccountOf(account: string): { provider: VoiceProviderName; clinicId: string } | undefined {
  if (account.startsWith(CLINIC_VAPI_PREFIX)) return { provider: 'vapi', clinicId: account.slice(CLINIC_VAPI_PREFIX.length) };
  if (account.startsWith(CLINIC_RETELL_PREFIX)) return { provider: 'retell', clinicId: account.slice(CLINIC_RETELL_PREFIX.length) };
  return undefined;
}

/**
 * The concurrency limit of a clinic-owned account that saved none: Retell's pay-as-you-go workspace default (20), or
 * Vapi's default org limit (10).
 */
export function defaultOwnLimit(provider: VoiceProviderName): number {
  return defaultConcurrencyLimit(provider);
}

/**
 * The account a clinic's calls go through now, from its voice settings: the provider's platform account, or the
 * clinic's own account of that provider when it saved a key (`retell:clinic:<id>`, `vapi:clinic:<id>`).
 * Slots belong to that account: a clinic on its own account never takes the platform's slots, and the reverse.
 */
export function voiceAccountOf(clinic: Pick<Clinic, 'clinicId' | 'voice'>): string {
  const voice = clinic.voice;
  if (!voice) return RETELL_PLATFORM;
  if (voice.provider === 'retell') return voice.account === 'clinic' ? clinicRetellAccount(clinic.clinicId) : RETELL_PLATFORM;
  return voice.account === 'clinic' ? clinicVapiAccount(clinic.clinicId) : VAPI_PLATFORM;
}

/**
 * Does the clinic dial an agent that lives in its own account (a Vapi assistant, or the follow-up agent synced into its
 * own Retell workspace), rather than its platform Retell agent (`clinic.agentId`, checked against the agent registry)?
 */
export function dialsOwnAgent(clinic: Pick<Clinic, 'voice'>): boolean {
  return clinic.voice?.provider === 'vapi' || clinic.voice?.account === 'clinic';
}

/** Why a clinic on its own Retell workspace cannot call: no follow-up agent was synced into that workspace yet. */
export const NO_OWN_RETELL_AGENT =
  "the clinic's follow-up agent is not set up in its own Retell workspace yet. An admin must save the clinic's voice settings (Voice provider), which creates it.";

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

/**
 * The line of an attempt: the account it was claimed on (`voiceAccount`), the platform's Retell account before that field existed.
 * A clinic-owned account's clinic is read, if the line needs it, through `deps.clinics` (the invocation's reads).
 */
export function lineOfAttempt(deps: Pick<Dependencies, 'voice' | 'slots' | 'voiceLines' | 'clinics'>, account: string | undefined): Promise<VoiceLine> {
  return linesOf(deps).line(account ?? RETELL_PLATFORM, (clinicId) => deps.clinics.getClinic(clinicId));
}

/**
 * How the clinic's calls are placed now. A Vapi clinic dials its synced assistant (`voice.agentId`) from its chosen
 * number; a clinic on its own Retell workspace the follow-up agent synced there (`voice.agentId`) from its number in
 * that workspace; a Retell clinic on the platform account its `agentId` from its `fromNumber`.
 * @returns `undefined` when a clinic dialling an agent of its own account has none yet (the dialer holds the call;
 * saving the voice settings syncs one).
 */
export async function dialingFor(deps: Pick<Dependencies, 'voice' | 'slots' | 'voiceLines'>, clinic: Clinic): Promise<ClinicDialing | undefined> {
  const line = await linesOf(deps).line(voiceAccountOf(clinic), async (clinicId) => (clinicId === clinic.clinicId ? clinic : undefined));
  const voice = clinic.voice;
  if (voice && dialsOwnAgent(clinic)) {
    if (!voice.agentId) return undefined;
    return { line, fromNumber: voice.fromNumber ?? clinic.fromNumber, ...(voice.phoneNumberId ? { phoneNumberId: voice.phoneNumberId } : {}), agentId: voice.agentId };
  }
  return { line, fromNumber: voice?.fromNumber ?? clinic.fromNumber, agentId: clinic.agentId };
}
