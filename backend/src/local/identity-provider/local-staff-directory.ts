import { request } from 'node:http';
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
    if (answer.status !== 201) throw new Error(`invite refused (${answer.status}): ${(answer.json as { message?: string }).message}`);
    return answer.json as InvitedPerson;
  }

  async disable(email: string): Promise<DisabledPerson> {
    const answer = await this.post(`${ADMIN_API_PATH}/disable`, { email });
    if (answer.status !== 200) throw new Error(`disable refused (${answer.status}): ${(answer.json as { message?: string }).message}`);
    return answer.json as DisabledPerson;
  }

  /**
   * POSTs JSON on a connection of its own (`agent: false`): a pooled keep-alive socket to the provider — e.g. one the
   * authorizer's key-set fetch left idle — may be closed by the provider just as it is reused (ECONNRESET).
   */
  private post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.issuer}${path}`,
        { method: 'POST', agent: false, headers: { authorization: `Bearer ${this.adminKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}
