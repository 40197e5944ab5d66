import type { Clinic, RegistryAgent } from '@vfc/shared';
import type { AssistantRegistry } from '../../ports/assistant-registry.js';
import type { ClinicStore } from '../../ports/clinic-store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppLogger } from '../../ports/logger.js';
import type { SecretStore } from '../../ports/secret-store.js';
import type { AssistantAccount, AssistantSummary } from '../../ports/voice-account.js';
import { MANAGED_BY, type AssistantServer } from '../voice/clinic-assistant.js';
import { VAPI_PLATFORM, voiceAccountOf } from '../voice/voice-accounts.js';

/** What the agent registry needs to work on the clinics' Vapi assistants. */
export interface VapiRegistryDeps {
  clinics: ClinicStore;
  clock: Clock;
  logger: AppLogger;
  /** Our records of the assistants: one per clinic per role. */
  assistants: AssistantRegistry;
  /** Where clinic-owned Vapi keys are stored. */
  secrets: SecretStore;
  /** A Vapi account read and written with `key`. */
  vapiAccount: (key: string) => AssistantAccount;
  /** The platform's Vapi private key. */
  platformVapiKey: () => Promise<string>;
  /** Where the assistants send their server messages; `undefined` when not configured (`VAPI_SERVER_URL`). */
  vapiServer: () => AssistantServer | undefined;
}

/** The one role the registry keeps per clinic today (the `metadata.role` of its assistant). */
export const FOLLOW_UP_ROLE = 'follow_up';

/** Does this clinic place its calls on Vapi (its voice settings say so)? */
export const onVapi = (clinic: Pick<Clinic, 'voice'>): boolean => clinic.voice?.provider === 'vapi';

/** Is this assistant tagged as ours (`metadata.managedBy`)? */
export const isOurs = (a: AssistantSummary): boolean => a.metadata?.managedBy === MANAGED_BY;

/** Our assistants for the clinic and role, most recently updated first. */
export function taggedFor(assistants: readonly AssistantSummary[], clinicId: string, role = FOLLOW_UP_ROLE): AssistantSummary[] {
  return assistants
    .filter((a) => isOurs(a) && a.metadata?.clinicId === clinicId && a.metadata?.role === role)
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
}

/** A clinic on its own Vapi account has no stored key (saving its voice settings again fixes it). */
export class MissingClinicKeyError extends Error {
  constructor(readonly clinicId: string) {
    super('no Vapi key is stored for this clinic: save its voice settings again');
    this.name = 'MissingClinicKeyError';
  }
}

/** A Vapi account the registry works in: its id (`vapi:platform` / `vapi:clinic:<id>`) and the port. */
export interface VapiAccountHandle {
  account: string;
  port: AssistantAccount;
}

/**
 * The Vapi account the clinic's assistants live in: the platform's, or the clinic's own (its key from the secret store).
 * @throws MissingClinicKeyError when a clinic on its own account has no stored key.
 */
export async function vapiAccountOf(deps: Pick<VapiRegistryDeps, 'secrets' | 'vapiAccount' | 'platformVapiKey'>, clinic: Clinic): Promise<VapiAccountHandle> {
  const account = voiceAccountOf(clinic);
  if (account === VAPI_PLATFORM) return { account, port: deps.vapiAccount(await deps.platformVapiKey()) };
  const key = await deps.secrets.getClinicKey(clinic.clinicId);
  if (!key) throw new MissingClinicKeyError(clinic.clinicId);
  return { account, port: deps.vapiAccount(key) };
}

/** The platform's Vapi account (where strays of clinics that left Vapi are found). */
export async function platformVapiAccount(deps: Pick<VapiRegistryDeps, 'vapiAccount' | 'platformVapiKey'>): Promise<VapiAccountHandle> {
  return { account: VAPI_PLATFORM, port: deps.vapiAccount(await deps.platformVapiKey()) };
}

/** The registry record of a clinic's assistant (`active`; `now` UTC ISO; `lastModificationTimestamp` from Vapi's `updatedAt`, ms). */
export function assistantRecord(assistant: AssistantSummary, clinicId: string, account: string, now: string, role = FOLLOW_UP_ROLE): RegistryAgent {
  const voiceId = (assistant.voice as { voiceId?: unknown } | undefined)?.voiceId;
  const updatedMs = assistant.updatedAt ? Date.parse(assistant.updatedAt) : Number.NaN;
  return {
    agentId: assistant.id,
    agentName: assistant.name ?? '',
    ...(typeof voiceId === 'string' && voiceId ? { voiceId } : {}),
    version: 0,
    isPublished: true,
    lastModificationTimestamp: Number.isFinite(updatedMs) ? updatedMs : 0,
    lastSyncedAt: now,
    syncStatus: 'active',
    tags: [],
    provider: 'vapi',
    clinicId,
    role,
    account,
  };
}
