import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { Dependencies } from './app/dependencies.js';
import { concurrencyLimitFromEnv, createStorageDependencies, requireEnv, storageDependencies } from './composition/storage.js';
import { lookupRecipientZones } from './adapters/phone-zones/lookup-recipient-zones.js';
import { RetellAgentDirectory } from './adapters/retell/retell-agent-directory.js';
import { retellClientFactory, type ApiKeySource } from './adapters/retell/retell-client.js';
import { RetellVoiceProvider } from './adapters/retell/retell-voice-provider.js';
import { RetellWebhookVerifier } from './adapters/retell/retell-webhook-verifier.js';
import { createCallScheduler } from './composition/call-schedules.js';
import { LambdaProviderEventQueue } from './adapters/lambda/lambda-provider-event-queue.js';
import { noteSdkCall } from './adapters/aws/sdk-call-observers.js';
import type { ProviderEventQueue } from './ports/provider-events.js';
import type { SecretStore } from './ports/secret-store.js';
import { vapiApiKeySource } from './composition/vapi.js';
import { createVoiceLines } from './composition/voice-lines.js';
import { secretStoreFromEnv } from './composition/voice-workspace.js';
import { vapiConcurrencyLimitFromEnv } from './composition/voice-limits.js';

export { concurrencyLimitFromEnv, requireEnv } from './composition/storage.js';

/**
 * The Retell API key: `RETELL_API_KEY` (local stack) or the Secrets Manager secret `RETELL_API_KEY_SECRET_ARN`
 * (AWS; cached 5 minutes by Powertools Parameters, so a rotated key is picked up without a deploy).
 */
export function retellApiKeySource(env: NodeJS.ProcessEnv = process.env): ApiKeySource {
  const secretArn = env.RETELL_API_KEY ? undefined : requireEnv('RETELL_API_KEY_SECRET_ARN', env);
  // Where AWS reads the secret, the local stack's permission recorder hears of a GetSecretValue too (the key itself is
  // an env var there; Powertools' own client is not one of ours to observe).
  const note = () =>
    noteSdkCall({ client: 'SecretsManagerClient', command: 'GetSecretValueCommand', input: { SecretId: secretArn ?? 'RETELL_API_KEY_SECRET_ARN' } });
  if (env.RETELL_API_KEY) {
    const key = env.RETELL_API_KEY;
    return async () => (note(), key);
  }
  return async () => {
    note();
    const value = await getSecret<string>(secretArn!, { maxAge: 300 });
    if (!value) throw new Error('The Retell API key secret is empty: set it with aws secretsmanager put-secret-value');
    return value;
  };
}

/** The Retell webhook verifier, keyed like the voice provider. */
export function createWebhookVerifier(env: NodeJS.ProcessEnv = process.env): RetellWebhookVerifier {
  return new RetellWebhookVerifier(retellApiKeySource(env));
}

/**
 * Builds the production wiring from the environment (the same wiring runs on the local stack, with endpoints set):
 * the storage dependencies plus the Scheduler, Retell and phone-zone adapters.
 */
export function createDependencies(env: NodeJS.ProcessEnv = process.env, storage = createStorageDependencies(env)): Dependencies {
  const retell = retellClientFactory(retellApiKeySource(env), env.RETELL_BASE_URL, env.RETELL_TIMEOUT_MS ? Number(env.RETELL_TIMEOUT_MS) : undefined);
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
      slotsFor: storage.slotsFor,
      clinics: storage.clinics,
      // Built on first use: only a clinic on its own Vapi account needs the secret store.
      secrets: { getClinicKey: (clinicId) => (secrets ??= secretStoreFromEnv(env)).getClinicKey(clinicId) },
    }),
    agentDirectory: new RetellAgentDirectory(retell),
    recipientZones: lookupRecipientZones,
  };
}

/** Where the webhook hands verified events: an asynchronous invocation of `PROVIDER_EVENT_FUNCTION_ARN`. */
export function createProviderEventQueue(env: NodeJS.ProcessEnv = process.env): ProviderEventQueue {
  return new LambdaProviderEventQueue({ functionArn: requireEnv('PROVIDER_EVENT_FUNCTION_ARN', env), endpoint: env.LAMBDA_ENDPOINT, region: env.AWS_REGION });
}

let cached: Dependencies | undefined;

/** The process-wide dependencies, built on first use (outside the handler's hot path after a cold start). */
export function dependencies(): Dependencies {
  cached ??= createDependencies(process.env, storageDependencies());
  return cached;
}
