import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLINIC_USER_ATTRIBUTE } from '@vfc/shared';
import type { InvitedPerson, Invitation, StaffDirectory } from '../../ports/staff-directory.js';

/** What the adapter needs of the Cognito client (tests pass a recorder). */
export type CognitoSender = Pick<CognitoIdentityProviderClient, 'send'>;

/**
 * {@link StaffDirectory} on a Cognito user pool: `AdminCreateUser` (Cognito e-mails a temporary password; the email is
 * marked verified, the clinic goes into `custom:clinic_id`), then `AdminAddUserToGroup` (`staff`, and `admin` for an
 * admin); `AdminDisableUser` then `AdminUserGlobalSignOut` (revokes the person's refresh tokens).
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

  async disable(email: string): Promise<void> {
    const username = email.trim().toLowerCase();
    await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }
}
