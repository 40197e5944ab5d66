import type { Clinic } from '@vfc/shared';
import { retellClientFactory } from '../adapters/retell/retell-client.js';
import { RetellKnowledgeBase } from '../adapters/retell/retell-knowledge-base.js';
import { VapiKnowledgeBase } from '../adapters/vapi/vapi-knowledge-base.js';
import { vapiKnowledgeClientFactory } from '../adapters/vapi/vapi-knowledge-client.js';
import { KnowledgeProviderError, type KnowledgeBaseProvider } from '../ports/knowledge-base-provider.js';
import type { SecretStore } from '../ports/secret-store.js';
import { secretStoreFromEnv } from './clinic-secrets.js';
import { createRetellClient } from './retell.js';
import { vapiApiKeySource } from './vapi.js';

/**
 * The knowledge-base provider of each clinic, in the account its calls go through: the platform's Retell workspace
 * (`RETELL_API_KEY` or its secret), the platform's Vapi org (`VAPI_API_KEY` or its secret), or the clinic's own Retell
 * workspace / Vapi org with the clinic's key from the secret store (`CLINIC_SECRET_PREFIX`; the local stack's memory
 * store). `RETELL_BASE_URL` / `VAPI_BASE_URL` point at the simulators locally. Keys are read on first use, so a clinic
 * whose own key is missing fails its sync (a {@link KnowledgeProviderError}) without touching any other clinic's.
 */
export function knowledgeProvidersFromEnv(env: NodeJS.ProcessEnv = process.env, secrets: SecretStore = secretStoreFromEnv(env)): (clinic: Clinic) => KnowledgeBaseProvider {
  const retellTimeoutMs = env.RETELL_TIMEOUT_MS ? Number(env.RETELL_TIMEOUT_MS) : undefined;
  const platformRetell = new RetellKnowledgeBase(createRetellClient(env));
  const platformVapi = new VapiKnowledgeBase(vapiKnowledgeClientFactory(vapiApiKeySource(env), env.VAPI_BASE_URL));
  const clinicKey = (clinicId: string) => async () => {
    const key = await secrets.getClinicKey(clinicId);
    if (!key) throw new KnowledgeProviderError("No API key is stored for the clinic's own voice account: save the clinic's voice settings again");
    return key;
  };
  return (clinic) => {
    const voice = clinic.voice;
    if (voice?.account === 'clinic') {
      return voice.provider === 'vapi'
        ? new VapiKnowledgeBase(vapiKnowledgeClientFactory(clinicKey(clinic.clinicId), env.VAPI_BASE_URL))
        : new RetellKnowledgeBase(retellClientFactory(clinicKey(clinic.clinicId), env.RETELL_BASE_URL, retellTimeoutMs));
    }
    return voice?.provider === 'vapi' ? platformVapi : platformRetell;
  };
}
