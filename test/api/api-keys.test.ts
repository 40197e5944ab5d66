import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiKeyCommand, apiKeyDependenciesFromEnv } from '@vfc/backend/ops/api-key-commands';
import { apiClient } from '../support/api.js';

/**
 * Named clinic API keys on the real local stack, managed with the ops commands: a revoked key is refused on its very
 * next request although the (stand-in) gateway still holds its cached "allowed" verdict; a live key keeps working;
 * the list shows each key's last use.
 */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

/** Runs an ops API key command against the stack's table; answers the lines it printed. */
async function ops(command: 'create-api-key' | 'list-api-keys' | 'revoke-api-key', ...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const deps = apiKeyDependenciesFromEnv({ TABLE_NAME: stack.tableName, DYNAMODB_ENDPOINT: stack.dynamoDbEndpoint });
  const code = await apiKeyCommand(command, ['--clinic', 'demo-clinic', ...args], deps, (line) => void lines.push(line));
  if (code !== 0) throw new Error(`ops ${command} exited ${code}`);
  return lines;
}

/** Creates a key with ops; answers its id and clear token. */
async function createKey(name: string, role = 'staff'): Promise<{ keyId: string; token: string }> {
  const [line] = await ops('create-api-key', '--name', name, '--role', role);
  const match = /^API key (\S+) \(\w+\) for demo-clinic: (\S+)$/.exec(line!);
  if (!match) throw new Error(`unexpected output: ${line}`);
  return { keyId: match[1]!, token: match[2]! };
}

describe('clinic API keys', () => {
  it('refuses a revoked key on its very next request, though the gateway cached its verdict', async () => {
    const { keyId, token } = await createKey('Billing sync');
    const before = await api('/clinic', { token });
    await ops('revoke-api-key', '--key', keyId);
    const after = await api('/clinic', { token });
    expect([before.status, after.status, after.json?.message]).toEqual([200, 401, 'This API key was revoked.']);
  });

  it('keeps a live key working while another key is revoked', async () => {
    const live = await createKey('Front desk PC');
    const other = await createKey('Old laptop');
    await api('/clinic', { token: other.token });
    await ops('revoke-api-key', '--key', other.keyId);
    expect((await api('/clinic', { token: live.token })).status).toBe(200);
  });

  it("lists a used key's last use and a revoked key's revocation", async () => {
    const used = await createKey('Reporting job', 'admin');
    await api('/clinic/settings', { token: used.token });
    const revoked = await createKey('Retired integration');
    await ops('revoke-api-key', '--key', revoked.keyId);
    const lines = await ops('list-api-keys');
    const lineOf = (keyId: string) => lines.find((line) => line.startsWith(`${keyId} `)) ?? '';
    expect([/last used \d{4}-\d\d-\d\dT/.test(lineOf(used.keyId)), /revoked -/.test(lineOf(used.keyId)), /revoked \d{4}-/.test(lineOf(revoked.keyId))]).toEqual([true, true, true]);
  });

  it('lists the keys made when the clinic was provisioned as named keys of the same kind', async () => {
    const lines = await ops('list-api-keys');
    expect(lines.filter((line) => / (staff|admin) .*Demo clinic (staff|admin) token$/.test(line))).toHaveLength(2);
  });
});
