import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Role, type ApiKey } from '@vfc/shared';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoDbApiKeyStore } from '../adapters/dynamodb/dynamodb-api-key-store.js';
import { adoptLegacyApiKeys, createApiKey, listApiKeys, revokeApiKey, type ApiKeyDependencies } from '../app/api-keys.js';
import { AppError } from '../app/errors.js';

/** The API key commands (part of the ops CLI's usage text). */
export const API_KEY_USAGE = `       pnpm --filter @vfc/backend ops create-api-key --clinic <clinic id> --name "<who uses it>" --role staff|admin
       pnpm --filter @vfc/backend ops list-api-keys --clinic <clinic id>
       pnpm --filter @vfc/backend ops revoke-api-key --clinic <clinic id> --key <key id>
       pnpm --filter @vfc/backend ops adopt-api-keys --clinic <clinic id>

Clinic API keys are for machines and integrations (people sign in as themselves). create-api-key prints the new key
ONCE (only its SHA-256 is stored); list-api-keys shows each key's id, name, role, creation, last use and revocation;
revoke-api-key refuses the key from its next request on (401), whatever the API gateway cached. adopt-api-keys makes
the clinic's tokens from before named keys into keys (named after their old label) so they are listed and revocable;
run it once per clinic after upgrading (it scans the table; running it again changes nothing).
Environment: TABLE_NAME (stack output TableName), AWS_REGION and your AWS credentials (DYNAMODB_ENDPOINT locally).`;

/** The command names this module answers. */
export const API_KEY_COMMANDS = ['create-api-key', 'list-api-keys', 'revoke-api-key', 'adopt-api-keys'] as const;
export type ApiKeyCommand = (typeof API_KEY_COMMANDS)[number];

/** The key store on the table named by `TABLE_NAME` (`DYNAMODB_ENDPOINT` locally) with the wall clock, else `undefined`. */
export function apiKeyDependenciesFromEnv(env: NodeJS.ProcessEnv = process.env): ApiKeyDependencies | undefined {
  if (!env.TABLE_NAME) return undefined;
  const db = createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION });
  return { apiKeys: new DynamoDbApiKeyStore(db, env.TABLE_NAME), clock: { now: () => new Date() }, newId: randomUUID };
}

/** One key as a line of `list-api-keys` (UTC instants; `-` = never / not revoked). */
export function apiKeyLine(key: ApiKey): string {
  return [key.keyId, key.role.padEnd(5), `created ${key.createdAt}`, `last used ${key.lastUsedAt ?? '-'}`, `revoked ${key.revokedAt ?? '-'}`, key.name].join('  ');
}

/**
 * `ops create-api-key` / `list-api-keys` / `revoke-api-key` / `adopt-api-keys` (see {@link API_KEY_USAGE}).
 * @param out where lines are printed (stdout by default)
 * @returns the exit code: 0 done, 1 refused (e.g. no such key), 2 usage.
 */
export async function apiKeyCommand(
  command: ApiKeyCommand,
  args: string[],
  deps = apiKeyDependenciesFromEnv(),
  out: (line: string) => void = (line) => console.log(line),
): Promise<number> {
  const { values } = parseArgs({ args, options: { clinic: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, key: { type: 'string' } } });
  const clinicId = values.clinic;
  if (!deps || !clinicId) {
    console.error(`--clinic and TABLE_NAME are required\n\n${API_KEY_USAGE}`);
    return 2;
  }
  try {
    if (command === 'create-api-key') {
      const role = Role.safeParse(values.role);
      if (!values.name || !role.success) {
        console.error(`--name and --role staff|admin are required\n\n${API_KEY_USAGE}`);
        return 2;
      }
      const created = await createApiKey(deps, { clinicId, name: values.name, role: role.data });
      out(`API key ${created.keyId} (${role.data}) for ${clinicId}: ${created.token}`);
      out('The key is shown once; only its SHA-256 hash is stored.');
      return 0;
    }
    if (command === 'list-api-keys') {
      const keys = await listApiKeys(deps, clinicId);
      if (!keys.length) out(`${clinicId} has no API keys.`);
      for (const key of keys) out(apiKeyLine(key));
      return 0;
    }
    if (command === 'adopt-api-keys') {
      const adopted = await adoptLegacyApiKeys(deps, clinicId);
      out(adopted.length ? `${adopted.length} older token(s) of ${clinicId} are now named keys:` : `${clinicId} has no tokens from before named keys.`);
      for (const key of adopted) out(apiKeyLine(key));
      return 0;
    }
    if (!values.key) {
      console.error(`--key <key id> is required (list-api-keys shows the ids)\n\n${API_KEY_USAGE}`);
      return 2;
    }
    const outcome = await revokeApiKey(deps, clinicId, values.key);
    out(outcome === 'revoked' ? `API key ${values.key} revoked: refused from its next request.` : `API key ${values.key} was already revoked.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    return 1;
  }
}
