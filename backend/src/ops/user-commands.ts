import { parseArgs } from 'node:util';
import { Role } from '@vfc/shared';
import { CognitoStaffDirectory } from '../adapters/cognito/cognito-staff-directory.js';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoDbPeopleStore } from '../adapters/dynamodb/dynamodb-people-store.js';
import { LocalStaffDirectory } from '../local/identity-provider/local-staff-directory.js';
import type { PeopleStore } from '../ports/people-store.js';
import type { StaffDirectory } from '../ports/staff-directory.js';

/** Usage of the people commands (part of the ops CLI's usage text). */
export const USER_USAGE = `       pnpm --filter @vfc/backend ops invite-user --clinic <clinic id> --email <email> --role staff|admin [--name "<name>"]
       pnpm --filter @vfc/backend ops disable-user --email <email>

Invites a person to sign in (Cognito AdminCreateUser: Cognito e-mails a temporary password; an admin is in the staff
and admin groups) and writes their person record (GET /clinic/staff), or takes their access away (AdminDisableUser +
global sign-out: no new sign-in, no refresh; their record is marked disabled, so their access tokens are refused
within the API's authorizer cache time, 5 minutes at most).
Environment: TABLE_NAME (stack output TableName), USER_POOL_ID (stack output UserPoolId), AWS_REGION and your AWS
credentials — or, against \`pnpm start\`, TABLE_NAME + DYNAMODB_ENDPOINT, LOCAL_IDP_URL and LOCAL_IDP_ADMIN_KEY (all
printed at start-up; the temporary password is printed instead of e-mailed).`;

/**
 * The directory the environment names: Cognito with `USER_POOL_ID`, else the local identity provider with
 * `LOCAL_IDP_URL` + `LOCAL_IDP_ADMIN_KEY`, else `undefined`.
 */
export function staffDirectoryFromEnv(env: NodeJS.ProcessEnv = process.env): StaffDirectory | undefined {
  if (env.USER_POOL_ID) return new CognitoStaffDirectory(env.USER_POOL_ID);
  if (env.LOCAL_IDP_URL && env.LOCAL_IDP_ADMIN_KEY) return new LocalStaffDirectory(env.LOCAL_IDP_URL, env.LOCAL_IDP_ADMIN_KEY);
  return undefined;
}

/** The person records' store on the table named by `TABLE_NAME` (`DYNAMODB_ENDPOINT` locally), else `undefined`. */
export function peopleStoreFromEnv(env: NodeJS.ProcessEnv = process.env): PeopleStore | undefined {
  if (!env.TABLE_NAME) return undefined;
  return new DynamoDbPeopleStore(createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION }), env.TABLE_NAME);
}

/**
 * `ops invite-user` / `ops disable-user`.
 * @param now the clock of the disabled mark (UTC)
 * @returns the exit code (2: usage).
 */
export async function userCommand(
  command: 'invite-user' | 'disable-user',
  args: string[],
  directory = staffDirectoryFromEnv(),
  people = peopleStoreFromEnv(),
  now: () => Date = () => new Date(),
): Promise<number> {
  const { values } = parseArgs({ args, options: { clinic: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  if (!directory || !people || !values.email) {
    console.error(`--email, TABLE_NAME and USER_POOL_ID (or LOCAL_IDP_URL + LOCAL_IDP_ADMIN_KEY) are required\n\n${USER_USAGE}`);
    return 2;
  }
  if (command === 'disable-user') {
    const person = await directory.disable(values.email);
    await people.disable(person, now().toISOString());
    console.log(`${values.email} is disabled: no new sign-in, no refresh; their access tokens are refused within 5 minutes.`);
    return 0;
  }
  const role = Role.safeParse(values.role);
  if (!values.clinic || !role.success) {
    console.error(`--clinic and --role staff|admin are required\n\n${USER_USAGE}`);
    return 2;
  }
  const name = values.name ?? values.email;
  const invited = await directory.invite({ clinicId: values.clinic, email: values.email, name, role: role.data });
  await people.put({ clinicId: values.clinic, userId: invited.userId, name, email: invited.email, role: role.data });
  console.log(`${invited.email} invited to ${values.clinic} as ${role.data} (user id ${invited.userId}).`);
  if (invited.temporaryPassword) console.log(`Temporary password (shown once): ${invited.temporaryPassword}`);
  return 0;
}
