import { describe, expect, it } from 'vitest';
import { CognitoStaffDirectory, type CognitoSender } from './cognito-staff-directory.js';

/** A Cognito client that records each command's name and input, answering AdminCreateUser with a sub. */
function recorder() {
  const sent: [string, Record<string, unknown>][] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push([command.constructor.name, command.input]);
      if (command.constructor.name === 'AdminCreateUserCommand') return { User: { Username: 'x', Attributes: [{ Name: 'sub', Value: 'sub-1' }] } };
      if (command.constructor.name === 'AdminGetUserCommand') {
        return {
          Username: 'x',
          UserAttributes: [
            { Name: 'sub', Value: 'sub-1' },
            { Name: 'email', Value: 'rivera@clinic.example' },
            { Name: 'name', Value: 'Dr. Rivera' },
            { Name: 'custom:clinic_id', Value: 'clinic-a' },
          ],
        };
      }
      if (command.constructor.name === 'AdminListGroupsForUserCommand') return { Groups: [{ GroupName: 'staff' }, { GroupName: 'admin' }] };
      return {};
    },
  } as unknown as CognitoSender;
  return { sent, client };
}

describe('CognitoStaffDirectory', () => {
  it('invites an admin: the user with clinic and verified email, then the staff and admin groups', async () => {
    const { sent, client } = recorder();
    const invited = await new CognitoStaffDirectory('pool-1', client).invite({ clinicId: 'clinic-a', email: 'Rivera@Clinic.example', name: 'Dr. Rivera', role: 'admin' });
    expect([invited, sent]).toEqual([
      { userId: 'sub-1', email: 'rivera@clinic.example' },
      [
        [
          'AdminCreateUserCommand',
          {
            UserPoolId: 'pool-1',
            Username: 'rivera@clinic.example',
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: 'rivera@clinic.example' },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: 'Dr. Rivera' },
              { Name: 'custom:clinic_id', Value: 'clinic-a' },
            ],
          },
        ],
        ['AdminAddUserToGroupCommand', { UserPoolId: 'pool-1', Username: 'rivera@clinic.example', GroupName: 'staff' }],
        ['AdminAddUserToGroupCommand', { UserPoolId: 'pool-1', Username: 'rivera@clinic.example', GroupName: 'admin' }],
      ],
    ]);
  });

  it('disables a person and signs them out everywhere (refresh tokens revoked), after reading who they are', async () => {
    const { sent, client } = recorder();
    await new CognitoStaffDirectory('pool-1', client).disable('rivera@clinic.example');
    expect(sent.map(([name]) => name)).toEqual(['AdminGetUserCommand', 'AdminListGroupsForUserCommand', 'AdminDisableUserCommand', 'AdminUserGlobalSignOutCommand']);
  });

  it("answers the disabled person's id, clinic, name, email and strongest role", async () => {
    const { client } = recorder();
    expect(await new CognitoStaffDirectory('pool-1', client).disable('rivera@clinic.example')).toEqual({
      userId: 'sub-1',
      clinicId: 'clinic-a',
      email: 'rivera@clinic.example',
      name: 'Dr. Rivera',
      role: 'admin',
    });
  });
});
