import { Clinic, type AgentSyncSummary, type ClinicVoice, type ClinicVoiceSettings, type UpdateClinicVoiceRequest } from '@vfc/shared';
import type { Clock } from '../../ports/clock.js';
import type { ClinicStore } from '../../ports/clinic-store.js';
import type { AppLogger } from '../../ports/logger.js';
import type { SecretStore } from '../../ports/secret-store.js';
import { VoiceAccountError, type AccountNumber, type AssistantAccount, type VoiceAccount } from '../../ports/voice-account.js';
import { AppError } from '../errors.js';
import { requireClinic } from '../read-clinic.js';
import { syncClinicAssistant, type AssistantServer } from './clinic-assistant.js';
import type { AssistantRegistry } from '../../ports/assistant-registry.js';
import { assistantRecord, FOLLOW_UP_ROLE } from '../agents/vapi-registry.js';
import { checkRetellNumber, syncOwnRetellAgent, type ClinicRetellWorkspace } from './own-retell-workspace.js';
import { clinicVapiAccount, defaultOwnLimit, VAPI_PLATFORM, voiceAccountOf } from './voice-accounts.js';

/** What the voice workspace use cases need. */
export interface VoiceWorkspaceDeps {
  clinics: ClinicStore;
  secrets: SecretStore;
  clock: Clock;
  logger: AppLogger;
  /** A Vapi account read with `key` (numbers and assistants). */
  vapiAccount: (key: string) => VoiceAccount & AssistantAccount;
  /** Where the clinic's assistant sends its server messages; `undefined` when not configured (`VAPI_SERVER_URL`). */
  vapiServer: () => AssistantServer | undefined;
  /** The platform's Vapi private key. */
  platformVapiKey: () => Promise<string>;
  /** A clinic's own Retell workspace reached with `key` (its numbers, agents and voices). */
  retellWorkspace: (key: string) => ClinicRetellWorkspace;
  /** Where the agent in a clinic's own Retell workspace sends its webhooks; `undefined` when not configured (`RETELL_WEBHOOK_URL`). */
  retellWebhookUrl: () => string | undefined;
  /** The platform accounts' concurrency limits (Retell: `RETELL_CONCURRENCY_LIMIT`; Vapi: the org's, default 10). */
  platformLimits: { retell: number; vapi: number };
  /** The agent registry's Vapi records: the synced assistant is recorded with the same conditional write as its sync. */
  assistants?: AssistantRegistry;
  /**
   * Re-syncs the clinic's knowledge base after a save that changed where its calls go: `forget` when the provider or
   * account changed (what we kept of the old provider's copy is dropped and every source re-sent), not when only a new
   * key for the same account was saved (the sync finds out whether the base is still there). Unset: nothing is synced.
   */
  resyncKnowledge?: (clinicId: string, options: { forget: boolean }) => Promise<void>;
}

/** A clinic with no voice settings calls through the platform's Retell account with its stored `fromNumber`. */
function settingsOf(clinic: Clinic): ClinicVoiceSettings {
  return clinic.voice ?? { provider: 'retell', account: 'platform', fromNumber: clinic.fromNumber, status: 'ok' };
}

/** The `GET /clinic/voice` view: never the key, only its last four characters. */
function viewOf(clinic: Clinic, deps: Pick<VoiceWorkspaceDeps, 'platformLimits'>): ClinicVoice {
  const voice = settingsOf(clinic);
  const limit = voice.account === 'clinic' ? (voice.concurrencyLimit ?? defaultOwnLimit(voice.provider)) : deps.platformLimits[voice.provider];
  // On the platform's Retell account the clinic dials its platform agent; on its own account, the agent synced there.
  return { ...voice, concurrencyLimit: limit, ...(voice.provider === 'retell' && voice.account === 'platform' ? { agentId: clinic.agentId } : {}) };
}

/** `GET /clinic/voice`. @throws AppError 404 when the clinic does not exist. */
export async function getClinicVoice(deps: Pick<VoiceWorkspaceDeps, 'clinics' | 'platformLimits'>, clinicId: string): Promise<ClinicVoice> {
  return viewOf(await requireClinic(deps, clinicId), deps);
}

/**
 * `PUT /clinic/voice`: tests the key with a cheap authenticated read (the account's phone numbers), checks the number
 * belongs to that account, and only then stores the key (secret store, one secret per clinic) and the settings.
 * A refused key → 400 `invalid_credentials`, a number outside the account → 400 `unknown_number`; either way nothing
 * is stored. On the clinic's own account (Vapi or Retell) the clinic's follow-up assistant / agent is then made to
 * exist in that account and the answer reports that sync; the key is stored only after that (never in the table).
 * The clinic item is written with a plain put (ClinicStore has no conditional put): last write wins. A save that moved
 * the clinic to another provider or account (or gave a new key) then re-syncs the clinic's knowledge base there
 * ({@link VoiceWorkspaceDeps.resyncKnowledge}; a failure is logged, the save stands).
 * @throws AppError 400 / 404 / 409 `save_in_progress` (another admin's save holds the lease) / 503 (provider unreachable)
 */
export async function updateClinicVoice(
  deps: VoiceWorkspaceDeps,
  clinicId: string,
  body: UpdateClinicVoiceRequest,
): Promise<{ voice: ClinicVoice; sync?: AgentSyncSummary }> {
  const clinic = await requireClinic(deps, clinicId);
  const current = settingsOf(clinic);
  const hadOwnKey = current.account === 'clinic';
  let voice: ClinicVoiceSettings;
  let sync: AgentSyncSummary | undefined;
  if (body.provider === 'retell') {
    const account = body.apiKey === null ? 'platform' : typeof body.apiKey === 'string' ? 'clinic' : current.provider === 'retell' && hadOwnKey ? 'clinic' : 'platform';
    if (account === 'platform') {
      voice = { provider: 'retell', account: 'platform', fromNumber: body.fromNumber ?? clinic.fromNumber, status: 'ok' };
    } else {
      const keep = current.provider === 'retell' && hadOwnKey;
      // The same workspace as before (no new key): its agent id is still good when this save's sync fails.
      const sameWorkspace = keep && typeof body.apiKey !== 'string';
      const key = typeof body.apiKey === 'string' ? body.apiKey : await deps.secrets.getClinicKey(clinicId);
      if (!key) throw new AppError(400, 'invalid_credentials', 'No Retell key is stored for this clinic: send apiKey.');
      const workspace = deps.retellWorkspace(key);
      const fromNumber = await checkRetellNumber(workspace, body.fromNumber ?? body.phoneNumberId ?? (keep ? current.fromNumber : undefined) ?? clinic.fromNumber);
      await claimSave(deps, clinicId);
      const synced = await syncOwnRetellAgent(deps, workspace, clinic, keep ? current.agentId : undefined);
      sync = synced.summary;
      const agentId = synced.agentId ?? (sameWorkspace ? current.agentId : undefined);
      voice = {
        provider: 'retell',
        account: 'clinic',
        keyLast4: typeof body.apiKey === 'string' ? body.apiKey.slice(-4) : current.keyLast4,
        fromNumber,
        ...(agentId ? { agentId } : {}),
        concurrencyLimit: body.concurrencyLimit ?? (keep ? current.concurrencyLimit : undefined) ?? defaultOwnLimit('retell'),
        status: 'ok',
        verifiedAt: deps.clock.now().toISOString(),
      };
      if (typeof body.apiKey === 'string') await deps.secrets.putClinicKey(clinicId, body.apiKey);
    }
  } else {
    const account = body.apiKey === null ? 'platform' : typeof body.apiKey === 'string' ? 'clinic' : current.provider === 'vapi' && hadOwnKey ? 'clinic' : 'platform';
    const key = typeof body.apiKey === 'string' ? body.apiKey : account === 'clinic' ? await deps.secrets.getClinicKey(clinicId) : await deps.platformVapiKey();
    if (!key) throw new AppError(400, 'invalid_credentials', 'No Vapi key is stored for this clinic: send apiKey.');
    const vapi = deps.vapiAccount(key);
    const number = pickNumber(await listNumbers(vapi), body, current, clinic);
    const keep = current.provider === 'vapi' && current.account === 'clinic';
    await claimSave(deps, clinicId);
    // Make sure the clinic's assistant exists in that account (created or updated now).
    const synced = await syncAssistant(deps, vapi, clinic, account === 'clinic' ? clinicVapiAccount(clinicId) : VAPI_PLATFORM);
    sync = synced.summary;
    const agentId = synced.assistantId ?? (current.provider === 'vapi' && current.account === account ? current.agentId : undefined);
    voice = {
      provider: 'vapi',
      account,
      ...(account === 'clinic' ? { keyLast4: typeof body.apiKey === 'string' ? body.apiKey.slice(-4) : current.keyLast4 } : {}),
      phoneNumberId: number.id,
      ...(number.number ? { fromNumber: number.number } : {}),
      ...(agentId ? { agentId } : {}),
      ...(account === 'clinic' ? { concurrencyLimit: body.concurrencyLimit ?? (keep ? current.concurrencyLimit : undefined) ?? defaultOwnLimit('vapi') } : {}),
      status: 'ok',
      verifiedAt: deps.clock.now().toISOString(),
    };
    if (typeof body.apiKey === 'string') await deps.secrets.putClinicKey(clinicId, body.apiKey);
  }
  if (hadOwnKey && voice.account === 'platform') await deps.secrets.deleteClinicKey(clinicId);
  const next = Clinic.parse({ ...clinic, voice });
  await deps.clinics.putClinic(next);
  deps.logger.info('voice workspace saved', { clinicId, provider: voice.provider, account: voice.account, agentId: voice.agentId });
  await resyncKnowledge(deps, clinic, next, typeof body.apiKey === 'string');
  return { voice: viewOf(next, deps), ...(sync ? { sync } : {}) };
}

/** Re-syncs the knowledge base when the save moved the clinic's calls to another account, or gave a new key. */
async function resyncKnowledge(deps: VoiceWorkspaceDeps, before: Clinic, after: Clinic, newKey: boolean): Promise<void> {
  const forget = voiceAccountOf(before) !== voiceAccountOf(after);
  if (!deps.resyncKnowledge || (!forget && !newKey)) return;
  try {
    await deps.resyncKnowledge(after.clinicId, { forget });
  } catch (error) {
    deps.logger.warn('knowledge re-sync after a voice change failed', { clinicId: after.clinicId, reason: (error as Error).message });
  }
}

/** How long one save may hold the clinic's agent-sync lease, ms (the save's own put ends it sooner). */
export const AGENT_SYNC_LEASE_MS = 60_000;

/**
 * Once the key and number are good: one save at a time from here (a lease on the clinic item, a conditional write), so
 * two admins saving at once never create two assistants / agents nor overwrite each other's result.
 * @throws AppError 409 `save_in_progress` when another save holds the lease.
 */
async function claimSave(deps: Pick<VoiceWorkspaceDeps, 'clinics' | 'clock'>, clinicId: string): Promise<void> {
  const nowMs = deps.clock.now().getTime();
  if (!(await deps.clinics.claimAgentSync(clinicId, nowMs, nowMs + AGENT_SYNC_LEASE_MS))) {
    throw new AppError(409, 'save_in_progress', 'Another save of the voice settings is in progress: wait a moment, reload and save again.');
  }
}

/** Runs the assistant sync; a failure is reported (not thrown): the settings are still saved and calls wait for an assistant. */
async function syncAssistant(
  deps: VoiceWorkspaceDeps,
  account: AssistantAccount,
  clinic: Clinic,
  accountId: string,
): Promise<{ assistantId?: string; summary: AgentSyncSummary }> {
  const server = deps.vapiServer();
  if (!server) {
    const error = 'The webhook URL for Vapi is not configured (VAPI_SERVER_URL): the assistant was not synced.';
    return { summary: { created: [], updated: [], unchanged: [], duplicates: [], errors: [error] } };
  }
  try {
    const { assistantId, report } = await syncClinicAssistant(account, clinic, server);
    deps.logger.info('clinic assistant synced', { clinicId: clinic.clinicId, created: report.created.length, updated: report.updated.length });
    await recordAssistant(deps, account, clinic, accountId, assistantId);
    return { assistantId, summary: { ...report, errors: [] } };
  } catch (error) {
    const why = error instanceof VoiceAccountError ? error.message : 'unexpected error';
    deps.logger.warn('clinic assistant sync failed', { clinicId: clinic.clinicId, error: why });
    return { summary: { created: [], updated: [], unchanged: [], duplicates: [], errors: [`The assistant could not be synced in Vapi (${why}); save again to retry.`] } };
  }
}

/**
 * Records the clinic's assistant in the agent registry (conditional write: it replaces only the record this save read).
 * Refused → another save or sync recorded a different assistant meanwhile: logged; the next registry sync settles it.
 */
async function recordAssistant(deps: VoiceWorkspaceDeps, account: AssistantAccount, clinic: Clinic, accountId: string, assistantId: string): Promise<void> {
  if (!deps.assistants) return;
  const assistant = await account.getAssistant(assistantId);
  if (!assistant) return;
  const previous = await deps.assistants.get(clinic.clinicId, FOLLOW_UP_ROLE);
  const record = assistantRecord(assistant, clinic.clinicId, accountId, deps.clock.now().toISOString());
  if (!(await deps.assistants.claim(record, previous?.agentId))) {
    deps.logger.warn('clinic assistant not recorded: another assistant is recorded for the clinic', { clinicId: clinic.clinicId, assistantId });
  }
}

async function listNumbers(account: VoiceAccount): Promise<AccountNumber[]> {
  try {
    return await account.listNumbers();
  } catch (error) {
    if (error instanceof VoiceAccountError && error.kind === 'invalid_credentials') {
      throw new AppError(400, 'invalid_credentials', 'Vapi refused this API key: use the private key from the Vapi dashboard.');
    }
    throw new AppError(503, 'provider_unavailable', 'Vapi could not be reached to check the key; try again.');
  }
}

/** The calling number: the one named in the request, else the current one, else the clinic's `fromNumber`. */
function pickNumber(numbers: AccountNumber[], body: UpdateClinicVoiceRequest, current: ClinicVoiceSettings, clinic: Clinic): AccountNumber {
  const found = body.phoneNumberId
    ? numbers.find((n) => n.id === body.phoneNumberId)
    : body.fromNumber
      ? numbers.find((n) => n.number === body.fromNumber)
      : (numbers.find((n) => current.provider === 'vapi' && n.id === current.phoneNumberId) ?? numbers.find((n) => n.number === clinic.fromNumber));
  if (!found) {
    throw new AppError(400, 'unknown_number', 'That calling number is not in this Vapi account: pick one of its phone numbers.', [
      { path: body.fromNumber ? 'fromNumber' : 'phoneNumberId', message: 'is not a number of this account' },
    ]);
  }
  return found;
}
