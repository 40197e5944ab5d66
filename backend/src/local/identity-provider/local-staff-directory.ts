import type { DisabledPerson, InvitedPerson, Invitation, StaffDirectory } from '../../ports/staff-directory.js';
import { ADMIN_API_PATH } from './admin-api.js';

/**
 * {@link StaffDirectory} on the local identity provider of `pnpm start`, through its admin API (the stand-in for
 * Cognito's `AdminCreateUser` / `AdminDisableUser`). The temporary password is returned (no e-mail is sent locally).
 */
export class LocalStaffDirectory implements StaffDirectory {
  constructor(
    private readonly issuer: string,
    private readonly adminKey: string,
  ) {}

  async invite(invitation: Invitation): Promise<InvitedPerson> {
    const answer = await this.post(ADMIN_API_PATH, invitation);
    if (answer.status !== 201) throw new Error(`invite refused (${answer.status}): ${((await answer.json()) as { message?: string }).message}`);
    return (await answer.json()) as InvitedPerson;
  }

  async disable(email: string): Promise<DisabledPerson> {
    const answer = await this.post(`${ADMIN_API_PATH}/disable`, { email });
    if (answer.status !== 200) throw new Error(`disable refused (${answer.status}): ${((await answer.json()) as { message?: string }).message}`);
    return (await answer.json()) as DisabledPerson;
  }

  private post(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.issuer}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.adminKey}`, 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(body),
    });
  }
}
