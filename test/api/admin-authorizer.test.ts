import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiClient } from '../support/api.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.adminToken);
/** A path for the route with its parameters filled (values that exist or not: the authorizer answers first). */
const pathOf = (path: string) => path.replace('{phoneNumber}', encodeURIComponent('+14155550199'));
const adminRoutes = API_ROUTES.filter((route) => route.auth === 'admin');

describe('the admin authorizer', () => {
  it.each(adminRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: a staff token is refused by the authorizer itself (the gateway 403), before any handler runs',
    async (_name, route) => {
      const answer = await api(pathOf(route.path), { method: route.method, token: stack.staffToken, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }) });
      // A handler's refusal would be `{"error":"forbidden",…}`; the authorizer's is the gateway's own body.
      expect([answer.status, answer.json]).toEqual([403, { message: 'Forbidden' }]);
    },
  );

  it('lets an admin token through on an admin route, and a staff token through on a staff route', async () => {
    expect((await api('/clinic/settings')).status).toBe(200);
    expect((await api('/clinic', { token: stack.staffToken })).status).toBe(200);
  });
});
