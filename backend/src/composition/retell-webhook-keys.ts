import { RetellWebhookVerifier, type SigningKeyOf } from '../adapters/retell/retell-webhook-verifier.js';
import type { ApiKeySource } from '../adapters/retell/retell-client.js';
import { signingAccountOf } from '../app/voice/webhook-signing-account.js';
import { ownedAccountOf } from '../app/voice/voice-accounts.js';
import type { CallStore } from '../ports/call-store.js';
import type { ClinicStore } from '../ports/clinic-store.js';
import type { SecretStore } from '../ports/secret-store.js';

/** What choosing a webhook's key needs. */
export interface RetellWebhookKeysConfig {
  calls: Pick<CallStore, 'get' | 'findByRetellCallId'>;
  clinics: Pick<ClinicStore, 'getClinic'>;
  /** The clinic keys (read per webhook about a clinic-owned workspace's call: a rotated key is used at once). */
  secrets: Pick<SecretStore, 'getClinicKey'>;
  platformKey: ApiKeySource;
}

/**
 * The key each Retell webhook must be signed with: the body (not trusted yet) is only parsed to name the call; OUR
 * record of that call's attempt says which workspace placed it ({@link signingAccountOf}). A clinic's own workspace →
 * that clinic's key from the secret store (none stored → no key: refused); anything else, and a body that is not a
 * Retell call event → the platform's key (an unparseable body then fails the signature check or is refused as
 * malformed, exactly as before).
 */
export function retellWebhookKeys(config: RetellWebhookKeysConfig): SigningKeyOf {
  const parser = new RetellWebhookVerifier(async () => undefined);
  return async (rawBody) => {
    let event;
    try {
      event = parser.parse(rawBody);
    } catch {
      return config.platformKey();
    }
    const owner = ownedAccountOf(await signingAccountOf(config, event));
    return owner ? config.secrets.getClinicKey(owner.clinicId) : config.platformKey();
  };
}
