import { API_ROUTES } from '@vfc/shared/api/routes';
import { authenticate, type AuthenticateDependencies } from './authenticate.js';
import { AppError } from './errors.js';

/**
 * Simple-response answer of an HTTP API Lambda authorizer; `context` reaches handlers as `authorizer.lambda`.
 * `userId` and `name` are set for a signed-in person; `keyId` (and `label` when it has one) for an API key, so the
 * handlers can check the key is still live on every request (see `api-key-use.ts`), the verdict being cached.
 */
export interface AuthorizerResult {
  isAuthorized: boolean;
  context?: { clinicId: string; role: string; label?: string; keyId?: string; userId?: string; name?: string };
}

/** Route key (`PUT /clinic/agent`) → whether the route needs the admin role, from the shared route table. */
const ADMIN_ROUTE_KEYS = new Set<string>(API_ROUTES.filter((route) => route.auth === 'admin').map((route) => `${route.method} ${route.path}`));

/**
 * The authorizer's verdict for one request: the bearer token (API key or a person's access token, see
 * {@link authenticate}) → its grant; on an admin route (by `routeKey`) a grant whose role is not `admin` is refused.
 * A refused token is `{isAuthorized: false}`; unexpected errors (e.g. DynamoDB down) are thrown.
 */
export async function authorizeRequest(deps: AuthenticateDependencies, authorization: string | undefined, routeKey: string): Promise<AuthorizerResult> {
  try {
    const grant = await authenticate(deps, authorization);
    if (ADMIN_ROUTE_KEYS.has(routeKey) && grant.role !== 'admin') return { isAuthorized: false };
    const { clinicId, role, label, keyId, userId, name } = grant;
    return {
      isAuthorized: true,
      context: { clinicId, role, ...(label ? { label } : {}), ...(keyId ? { keyId } : {}), ...(userId ? { userId } : {}), ...(name ? { name } : {}) },
    };
  } catch (error) {
    if (error instanceof AppError) return { isAuthorized: false };
    throw error;
  }
}
