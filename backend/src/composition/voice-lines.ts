import { VAPI_DEFAULT_CONCURRENCY_LIMIT } from '@vfc/shared';
import { VapiAccount } from '../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory, type VapiKeySource } from '../adapters/vapi/vapi-client.js';
import { VapiVoiceProvider } from '../adapters/vapi/vapi-voice-provider.js';
import { clinicOfAccount, RETELL_PLATFORM, VAPI_PLATFORM, voiceAccountOf } from '../app/voice/voice-accounts.js';
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
  /** Slots of one account: `scope` = the account id. */
  slotsFor: (scope: string, limit: number) => DialSlots;
  clinics: Pick<ClinicStore, 'getClinic'>;
  secrets: Pick<SecretStore, 'getClinicKey'>;
  /** How long a clinic's account and limit are reused before being read again, ms of real time (default 30 s). */
  cacheMs?: number;
  now?: () => number;
}

/**
 * {@link VoiceLines} for AWS and the local stack. Clinic-owned accounts are built from the clinic's item (its limit)
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

  async function clinicLine(account: string, clinicId: string): Promise<VoiceLine> {
    const cached = owned.get(account);
    if (cached && now() - cached.readAt < cacheMs) return cached.line;
    const clinic = await config.clinics.getClinic(clinicId);
    const limit = clinic?.voice?.account === 'clinic' ? (clinic.voice.concurrencyLimit ?? VAPI_DEFAULT_CONCURRENCY_LIMIT) : (cached?.limit ?? VAPI_DEFAULT_CONCURRENCY_LIMIT);
    const line =
      cached && cached.limit === limit
        ? cached.line
        : {
            account,
            voice: vapiOf(async () => {
              const key = await config.secrets.getClinicKey(clinicId);
              if (!key) throw new PlaceCallError('rejected', "No Vapi key is stored for the clinic's own account");
              return key;
            }),
            slots: config.slotsFor(account, limit),
          };
    owned.set(account, { line, limit, readAt: now() });
    return line;
  }

  return {
    async line(account) {
      const known = platform.get(account);
      if (known) return known;
      const clinicId = clinicOfAccount(account);
      if (!clinicId) throw new Error(`Unknown provider account "${account}"`);
      return clinicLine(account, clinicId);
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
