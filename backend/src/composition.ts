import type { Dependencies } from './app/dependencies.js';
import { concurrencyLimitFromEnv, createStorageDependencies, storageDependencies } from './composition/storage.js';
import { RetellAgentDirectory } from './adapters/retell/retell-agent-directory.js';
import { RetellVoiceProvider } from './adapters/retell/retell-voice-provider.js';
import { createCallScheduler } from './composition/call-schedules.js';
import { createRetellClient } from './composition/retell.js';
import type { SecretStore } from './ports/secret-store.js';
import { vapiApiKeySource } from './composition/vapi.js';
import { createVoiceLines } from './composition/voice-lines.js';
import { secretStoreFromEnv } from './composition/voice-workspace.js';
import { vapiConcurrencyLimitFromEnv } from './composition/voice-limits.js';

/**
 * Builds the production wiring from the environment (the same wiring runs on the local stack, with endpoints set):
 * the storage dependencies plus the Scheduler and the voice providers' adapters. The phone-zone lookup is not here:
 * only scheduling needs it (`composition/scheduling.ts`), the dialer reads the zones stored on the call.
 */
export function createDependencies(env: NodeJS.ProcessEnv = process.env, storage = createStorageDependencies(env)): Dependencies {
  const retell = createRetellClient(env);
  const retellVoice = new RetellVoiceProvider(retell);
  let secrets: SecretStore | undefined;
  return {
    ...storage,
    scheduler: createCallScheduler(env),
    voice: retellVoice,
    voiceLines: createVoiceLines({
      retell: retellVoice,
      platformRetellLimit: concurrencyLimitFromEnv(env),
      platformVapiKey: vapiApiKeySource(env),
      platformVapiLimit: vapiConcurrencyLimitFromEnv(env),
      ...(env.VAPI_BASE_URL ? { vapiBaseUrl: env.VAPI_BASE_URL } : {}),
      ...(env.RETELL_BASE_URL ? { retellBaseUrl: env.RETELL_BASE_URL } : {}),
      ...(env.RETELL_TIMEOUT_MS ? { retellTimeoutMs: Number(env.RETELL_TIMEOUT_MS) } : {}),
      slotsFor: storage.slotsFor,
      clinics: storage.clinics,
      // Built on first use: only a clinic on its own Vapi or Retell account needs the secret store.
      secrets: { getClinicKey: (clinicId) => (secrets ??= secretStoreFromEnv(env)).getClinicKey(clinicId) },
    }),
    agentDirectory: new RetellAgentDirectory(retell),
  };
}

let cached: Dependencies | undefined;

/** The process-wide dependencies, built on first use (outside the handler's hot path after a cold start). */
export function dependencies(): Dependencies {
  cached ??= createDependencies(process.env, storageDependencies());
  return cached;
}
