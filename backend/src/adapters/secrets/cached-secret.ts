import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** How long a platform secret's value is reused before it is read again, real ms: a rotated key is picked up within it. */
export const SECRET_MAX_AGE_MS = 300_000;

/** What {@link cachedSecretString} needs of the SDK client (a fake in tests). */
export type SecretReader = Pick<SecretsManagerClient, 'send'>;

interface Entry {
  value: Promise<string | undefined>;
  /** When the value was asked for, `now()` ms. */
  readAt: number;
}

let defaultClient: SecretsManagerClient | undefined;
const entries = new Map<string, Entry>();

/**
 * The platform secrets' reader (the Retell and Vapi API keys, the Vapi webhook secret): `GetSecretValue` of the
 * current version, its `SecretString` kept per secret id for `maxAgeMs` in this process. Reads of one secret in that
 * time share one request (concurrent first reads included); a failed read is forgotten, so the next call asks again.
 * The client is the process's own `SecretsManagerClient` (region from `AWS_REGION`), built on first use.
 * @returns a function answering the value, `undefined` for a secret with no string value.
 * @throws (from that function) the SDK's error when the read fails.
 */
export function cachedSecretString(
  secretId: string,
  options: { maxAgeMs?: number; client?: () => SecretReader; now?: () => number } = {},
): () => Promise<string | undefined> {
  const maxAgeMs = options.maxAgeMs ?? SECRET_MAX_AGE_MS;
  const client = options.client ?? (() => (defaultClient ??= new SecretsManagerClient({})));
  const now = options.now ?? Date.now;
  return () => {
    const cached = entries.get(secretId);
    if (cached && now() - cached.readAt < maxAgeMs) return cached.value;
    const value = client()
      .send(new GetSecretValueCommand({ SecretId: secretId }))
      .then((out) => out.SecretString);
    const entry = { value, readAt: now() };
    entries.set(secretId, entry);
    value.catch(() => {
      if (entries.get(secretId) === entry) entries.delete(secretId);
    });
    return value;
  };
}
