import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLINIC_USER_ATTRIBUTE, ROLE_GROUPS } from '@vfc/shared';
import type { DisabledPerson, InvitedPerson, Invitation, StaffDirectory } from '../../ports/staff-directory.js';

/** What the adapter needs of the Cognito client (tests pass a recorder). */
export type CognitoSender = Pick<CognitoIdentityProviderClient, 'send'>;

/**
 * {@link StaffDirectory} on a Cognito user pool: `AdminCreateUser` (Cognito e-mails a temporary password; the email is
 * marked verified, the clinic goes into `custom:clinic_id`), then `AdminAddUserToGroup` (`staff`, and `admin` for an
 * admin); to disable, `AdminGetUser` + `AdminListGroupsForUser` (who it is: sub, clinic, name, role), then
 * `AdminDisableUser` and `AdminUserGlobalSignOut` (revokes the person's refresh tokens).
 */
export class CognitoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly userPoolId: string,
    private readonly client: CognitoSender = new CognitoIdentityProviderClient({}),
  ) {}

  async invite(invitation: Invitation): Promise<InvitedPerson> {
    const email = invitation.email.trim().toLowerCase();
    const created = await this.client.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: email,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: invitation.name },
          { Name: CLINIC_USER_ATTRIBUTE, Value: invitation.clinicId },
        ],
      }),
    );
    const groups = invitation.role === 'admin' ? ['staff', 'admin'] : ['staff'];
    for (const group of groups) {
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: email, GroupName: group }));
    }
    const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    return { userId: sub ?? created.User?.Username ?? email, email };
  }

  async disable(email: string): Promise<DisabledPerson> {
    const username = email.trim().toLowerCase();
    const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    const groups = await this.client.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
    const attribute = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
    const names = (groups.Groups ?? []).map((group) => group.GroupName);
    return {
      userId: attribute('sub') ?? user.Username ?? username,
      clinicId: attribute(CLINIC_USER_ATTRIBUTE) ?? '',
      email: attribute('email') ?? username,
      name: attribute('name') ?? username,
      role: ROLE_GROUPS.find((group) => names.includes(group)) ?? 'staff',
    };
  }
}
