import { retellClientFactory } from '../adapters/retell/retell-client.js';
import { RetellVoiceProvider } from '../adapters/retell/retell-voice-provider.js';
import { VapiAccount } from '../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory, type VapiKeySource } from '../adapters/vapi/vapi-client.js';
import { VapiVoiceProvider } from '../adapters/vapi/vapi-voice-provider.js';
import { defaultOwnLimit, ownedAccountOf, RETELL_PLATFORM, VAPI_PLATFORM, voiceAccountOf } from '../app/voice/voice-accounts.js';
import type { Clinic } from '@vfc/shared';
import type { ClinicStore } from '../ports/clinic-store.js';
import type { DialSlots } from '../ports/dial-slots.js';
import type { SecretStore } from '../ports/secret-store.js';
import type { VoiceLine, VoiceLines } from '../ports/voice-lines.js';
import { PlaceCallError, type VoiceProvider } from '../ports/voice-provider.js';

/** What the account lines are built from. */
export interface VoiceLinesConfig {
  /** The platform's Retell account (the provider and its slots, scope `retell:platform`). */
  retell: VoiceProvider;
  /** The platform's Vapi private key (env locally, Secrets Manager in AWS); read on first use. */
  platformVapiKey: VapiKeySource;
  /** The platform Vapi organisation's concurrency limit (Vapi's default: 10). */
  platformVapiLimit: number;
  platformRetellLimit: number;
  /** The Vapi simulator locally; unset for the real API. */
  vapiBaseUrl?: string;
  /** The Retell simulator locally (clinic-owned Retell workspaces); unset for the real API. */
  retellBaseUrl?: string;
  /** Per-request timeout of a clinic workspace's Retell client, real ms (`RETELL_TIMEOUT_MS`; default 15 000). */
  retellTimeoutMs?: number;
  /** Slots of one account: `scope` = the account id. */
  slotsFor: (scope: string, limit: number) => DialSlots;
  clinics: Pick<ClinicStore, 'getClinic'>;
  secrets: Pick<SecretStore, 'getClinicKey'>;
  /** How long a clinic's account and limit are reused before being read again, ms of real time (default 30 s). */
  cacheMs?: number;
  now?: () => number;
}

/**
 * {@link VoiceLines} for AWS and the local stack. Clinic-owned accounts (`vapi:clinic:<id>`, `retell:clinic:<id>`) are built from the clinic's item (its limit)
 * and its key in the secret store, read lazily when a call is placed: releasing a slot or reading the line never needs
 * the key, so an account whose key was removed still frees its slots. Lines are cached per process; a clinic's line
 * and account are read again after `cacheMs` (a changed limit or provider takes effect within that time; a call that
 * waited in the old account's line is moved by the dialer, which reads the clinic itself).
 */
export function createVoiceLines(config: VoiceLinesConfig): VoiceLines {
  const cacheMs = config.cacheMs ?? 30_000;
  const now = config.now ?? Date.now;
  const vapiOf = (key: VapiKeySource): VoiceProvider => {
    const client = vapiClientFactory(key, config.vapiBaseUrl);
    const account = new VapiAccount(client);
    return new VapiVoiceProvider(client, (e164) => account.phoneNumberIdOf(e164));
  };
  const platform = new Map<string, VoiceLine>([
    [RETELL_PLATFORM, { account: RETELL_PLATFORM, voice: config.retell, slots: config.slotsFor(RETELL_PLATFORM, config.platformRetellLimit) }],
    [VAPI_PLATFORM, { account: VAPI_PLATFORM, voice: vapiOf(config.platformVapiKey), slots: config.slotsFor(VAPI_PLATFORM, config.platformVapiLimit) }],
  ]);
  const owned = new Map<string, { line: VoiceLine; limit: number; readAt: number }>();
  const accounts = new Map<string, { account: string; readAt: number }>();

  const retellOf = (key: () => Promise<string>): VoiceProvider =>
    new RetellVoiceProvider(retellClientFactory(key, config.retellBaseUrl, config.retellTimeoutMs));

  async function clinicLine(
    account: string,
    provider: 'retell' | 'vapi',
    clinicId: string,
    readClinic: (clinicId: string) => Promise<Clinic | undefined>,
  ): Promise<VoiceLine> {
    const cached = owned.get(account);
    if (cached && now() - cached.readAt < cacheMs) return cached.line;
    const clinic = await readClinic(clinicId);
    const ownLimit = clinic?.voice?.account === 'clinic' && clinic.voice.provider === provider ? clinic.voice.concurrencyLimit : undefined;
    const limit = ownLimit ?? cached?.limit ?? defaultOwnLimit(provider);
    // The clinic's key, read from the secret store each time a call is placed or looked up (never cached here).
    const key = async () => {
      const stored = await config.secrets.getClinicKey(clinicId);
      if (!stored) throw new PlaceCallError('rejected', `No ${provider === 'retell' ? 'Retell' : 'Vapi'} key is stored for the clinic's own account`);
      return stored;
    };
    const line =
      cached && cached.limit === limit
        ? cached.line
        : { account, voice: provider === 'retell' ? retellOf(key) : vapiOf(key), slots: config.slotsFor(account, limit) };
    owned.set(account, { line, limit, readAt: now() });
    return line;
  }

  return {
    async line(account, readClinic = (clinicId) => config.clinics.getClinic(clinicId)) {
      const known = platform.get(account);
      if (known) return known;
      const owner = ownedAccountOf(account);
      if (!owner) throw new Error(`Unknown provider account "${account}"`);
      return clinicLine(account, owner.provider, owner.clinicId, readClinic);
    },
    async accountOfClinic(clinicId) {
      const cached = accounts.get(clinicId);
      if (cached && now() - cached.readAt < cacheMs) return cached.account;
      const clinic = await config.clinics.getClinic(clinicId);
      const account = clinic ? voiceAccountOf(clinic) : RETELL_PLATFORM;
      accounts.set(clinicId, { account, readAt: now() });
      return account;
    },
  };
}
