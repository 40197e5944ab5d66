import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListStaffResponse } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { LOCAL_REDIRECT_URI } from '@vfc/backend/local/identity-provider/redirect-uris';
import { LocalStaffDirectory } from '@vfc/backend/local/identity-provider/local-staff-directory';
import { peopleStoreFromEnv, userCommand } from '@vfc/backend/ops/user-commands';
import { apiClient } from '../support/api.js';
import { signIn, type SignInClient } from '../support/sign-in.js';

/**
 * The clinic's people on the real local stack: the authorizer keeps a record per person (written by ops invite-user,
 * refreshed on each verdict it computes) and refuses a person ops disabled on their next request the gateway has not
 * cached; admins list the people with GET /clinic/staff.
 */
let stack: LocalStack;
let client: SignInClient;
beforeAll(async () => {
  stack = await startLocalStack();
  client = { issuer: stack.identityProvider.issuer, clientId: stack.identityProvider.clientId, redirectUri: LOCAL_REDIRECT_URI };
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

/** Runs `ops invite-user` / `ops disable-user` against the stack (its identity provider and table), quietly. */
async function ops(command: 'invite-user' | 'disable-user', ...args: string[]): Promise<void> {
  const directory = new LocalStaffDirectory(stack.identityProvider.issuer, stack.identityProvider.adminKey);
  const people = peopleStoreFromEnv({ TABLE_NAME: stack.tableName, DYNAMODB_ENDPOINT: stack.dynamoDbEndpoint });
  const log = console.log;
  console.log = () => undefined;
  try {
    const code = await userCommand(command, args, directory, people);
    if (code !== 0) throw new Error(`ops ${command} exited ${code}`);
  } finally {
    console.log = log;
  }
}

describe('people of the clinic', () => {
  it("refuses a disabled person's next request that the gateway has not cached", async () => {
    const email = 'leaving.vet@happypaws.example';
    const password = stack.demoPeople.password;
    stack.identityProvider.people.add({ email, name: 'Leaving Vet', clinicId: 'demo-clinic', role: 'staff', password });
    const used = await signIn(client, email, password);
    const unused = await signIn(client, email, password);
    const before = await api('/clinic', { token: used.accessToken });
    await ops('disable-user', '--email', email);
    const after = await api('/clinic', { token: unused.accessToken });
    expect([before.status, after.status, after.json]).toEqual([200, 403, { message: 'Forbidden' }]);
  });

  it('lists the demo staff member and admin with their roles for an admin', async () => {
    const answer = await api('/clinic/staff', { token: stack.adminToken });
    const people = ListStaffResponse.parse(answer.json).items.map(({ name, email, role, disabled }) => ({ name, email, role, disabled }));
    expect(people).toEqual(
      expect.arrayContaining([
        { name: stack.demoPeople.staff.name, email: stack.demoPeople.staff.email, role: 'staff', disabled: false },
        { name: stack.demoPeople.admin.name, email: stack.demoPeople.admin.email, role: 'admin', disabled: false },
      ]),
    );
  });

  it("shows a person's last activity once they used the API", async () => {
    const { accessToken } = await signIn(client, stack.demoPeople.admin.email, stack.demoPeople.password);
    const answer = await api('/clinic/staff', { token: accessToken });
    const admin = ListStaffResponse.parse(answer.json).items.find((person) => person.userId === stack.demoPeople.admin.sub);
    expect(admin?.lastActiveAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lists a person invited with ops invite-user, and shows them disabled after ops disable-user', async () => {
    await ops('invite-user', '--clinic', 'demo-clinic', '--email', 'temp.vet@happypaws.example', '--role', 'staff', '--name', 'Temp Vet');
    await ops('disable-user', '--email', 'temp.vet@happypaws.example');
    const answer = await api('/clinic/staff', { token: stack.adminToken });
    const temp = ListStaffResponse.parse(answer.json).items.find((person) => person.email === 'temp.vet@happypaws.example');
    expect([temp?.name, temp?.disabled]).toEqual(['Temp Vet', true]);
  });

  it("refuses the staff list to a signed-in staff member (the gateway's 403)", async () => {
    const { accessToken } = await signIn(client, stack.demoPeople.staff.email, stack.demoPeople.password);
    const answer = await api('/clinic/staff', { token: accessToken });
    expect([answer.status, answer.json]).toEqual([403, { message: 'Forbidden' }]);
  });

  it('refuses the staff list to a staff API key', async () => {
    expect((await api('/clinic/staff')).status).toBe(403);
  });
});
