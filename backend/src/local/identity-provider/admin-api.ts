import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Role } from '@vfc/shared';
import { readBody } from '../emulator-kit/http-server.js';
import type { LocalPeople } from './people.js';

/** Path prefix of the local identity provider's admin API (the stand-in for Cognito's Admin* actions). */
export const ADMIN_API_PATH = '/local-admin/people';

const send = (res: ServerResponse, status: number, body?: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
};

/** A temporary password that meets the Cognito policy the stacks set (12+ characters, all four classes). */
export const temporaryPassword = () => `Tmp-${randomBytes(9).toString('base64url')}7a!`;

/**
 * The local admin API, for `ops invite-user` / `ops disable-user` against `pnpm start`:
 * `POST /local-admin/people` `{clinicId, email, name, role}` → 201 `{userId, email, temporaryPassword}` (409 when the
 * email exists); `POST /local-admin/people/disable` `{email}` → 200 `{userId, clinicId, email, name, role}` (404 when
 * unknown). `Authorization: Bearer
 * <admin key>` (printed at start-up) or 401.
 * @returns true when it answered the request (the path was its own).
 */
export async function handleAdminApi(req: IncomingMessage, res: ServerResponse, people: LocalPeople, adminKey: string): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!path.startsWith(ADMIN_API_PATH)) return false;
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${adminKey}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    send(res, 401, { message: 'Unauthorized' });
    return true;
  }
  if (req.method !== 'POST') {
    send(res, 405, { message: 'Method not allowed' });
    return true;
  }
  const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
  if (path === ADMIN_API_PATH) {
    const role = Role.safeParse(body.role);
    if (typeof body.clinicId !== 'string' || typeof body.email !== 'string' || typeof body.name !== 'string' || !role.success) {
      send(res, 400, { message: 'clinicId, email, name and role (staff|admin) are required' });
      return true;
    }
    const password = temporaryPassword();
    try {
      const person = people.add({ clinicId: body.clinicId, email: body.email, name: body.name, role: role.data, password });
      send(res, 201, { userId: person.sub, email: person.email, temporaryPassword: password });
    } catch (error) {
      send(res, 409, { message: error instanceof Error ? error.message : 'exists' });
    }
    return true;
  }
  if (path === `${ADMIN_API_PATH}/disable`) {
    const person = typeof body.email === 'string' ? people.disable(body.email) : undefined;
    if (typeof body.email !== 'string') send(res, 400, { message: 'email is required' });
    else if (person) {
      const role = person.groups.includes('admin') ? 'admin' : 'staff';
      send(res, 200, { userId: person.sub, clinicId: person.clinicId, email: person.email, name: person.name, role });
    } else send(res, 404, { message: 'No such person' });
    return true;
  }
  send(res, 404, { message: 'Not Found' });
  return true;
}
