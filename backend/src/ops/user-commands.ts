import { parseArgs } from 'node:util';
import { Role } from '@vfc/shared';
import { CognitoStaffDirectory } from '../adapters/cognito/cognito-staff-directory.js';
import { LocalStaffDirectory } from '../local/identity-provider/local-staff-directory.js';
import type { StaffDirectory } from '../ports/staff-directory.js';

/** Usage of the people commands (part of the ops CLI's usage text). */
export const USER_USAGE = `       pnpm --filter @vfc/backend ops invite-user --clinic <clinic id> --email <email> --role staff|admin [--name "<name>"]
       pnpm --filter @vfc/backend ops disable-user --email <email>

Invites a person to sign in (Cognito AdminCreateUser: Cognito e-mails a temporary password; an admin is in the staff
and admin groups), or takes their access away at once (AdminDisableUser + global sign-out: no new sign-in, no refresh).
Environment: USER_POOL_ID (stack output UserPoolId), AWS_REGION and your AWS credentials — or, against \`pnpm start\`,
LOCAL_IDP_URL and LOCAL_IDP_ADMIN_KEY (printed at start-up; the temporary password is printed instead of e-mailed).`;

/**
 * The directory the environment names: Cognito with `USER_POOL_ID`, else the local identity provider with
 * `LOCAL_IDP_URL` + `LOCAL_IDP_ADMIN_KEY`, else `undefined`.
 */
export function staffDirectoryFromEnv(env: NodeJS.ProcessEnv = process.env): StaffDirectory | undefined {
  if (env.USER_POOL_ID) return new CognitoStaffDirectory(env.USER_POOL_ID);
  if (env.LOCAL_IDP_URL && env.LOCAL_IDP_ADMIN_KEY) return new LocalStaffDirectory(env.LOCAL_IDP_URL, env.LOCAL_IDP_ADMIN_KEY);
  return undefined;
}

/** `ops invite-user` / `ops disable-user`. @returns the exit code (2: usage). */
export async function userCommand(command: 'invite-user' | 'disable-user', args: string[], directory = staffDirectoryFromEnv()): Promise<number> {
  const { values } = parseArgs({ args, options: { clinic: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  if (!directory || !values.email) {
    console.error(`--email and USER_POOL_ID (or LOCAL_IDP_URL + LOCAL_IDP_ADMIN_KEY) are required\n\n${USER_USAGE}`);
    return 2;
  }
  if (command === 'disable-user') {
    await directory.disable(values.email);
    console.log(`${values.email} is disabled: no new sign-in, no refresh.`);
    return 0;
  }
  const role = Role.safeParse(values.role);
  if (!values.clinic || !role.success) {
    console.error(`--clinic and --role staff|admin are required\n\n${USER_USAGE}`);
    return 2;
  }
  const invited = await directory.invite({ clinicId: values.clinic, email: values.email, name: values.name ?? values.email, role: role.data });
  console.log(`${invited.email} invited to ${values.clinic} as ${role.data} (user id ${invited.userId}).`);
  if (invited.temporaryPassword) console.log(`Temporary password (shown once): ${invited.temporaryPassword}`);
  return 0;
}
