import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Role, type Role as RoleT } from '@vfc/shared';
import { AppError, forbidden, unauthorized } from '../../app/errors.js';
import type { TokenGrant } from '../../ports/clinic-store.js';

/** The event as our API handlers see it: API Gateway HTTP API v2, with the Lambda authorizer's context. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: { lambda?: Record<string, unknown> } };
};

/**
 * The caller's grant, as the Lambda authorizer resolved it (`authorizer.ts`): an API key's `keyId` and its label when
 * it has one, a signed-in person's `userId` and `name`.
 * @throws AppError 401 without an authorizer context, 403 when the role is too low.
 */
export function grantOf(event: ApiEvent, needed: RoleT): TokenGrant {
  const context = event.requestContext.authorizer?.lambda;
  const clinicId = context?.clinicId;
  const role = Role.safeParse(context?.role);
  if (typeof clinicId !== 'string' || !role.success) throw unauthorized('Missing API token: send Authorization: Bearer <token>.');
  if (needed === 'admin' && role.data !== 'admin') throw forbidden('This action needs an admin token.');
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const label = text(context?.label);
  const keyId = text(context?.keyId);
  const userId = text(context?.userId);
  const name = text(context?.name);
  return { clinicId, role: role.data, ...(label ? { label } : {}), ...(keyId ? { keyId } : {}), ...(userId ? { userId } : {}), ...(name ? { name } : {}) };
}

/** The request body as text, decoding API Gateway's base64 when it chose to encode it. */
export function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** The body parsed as JSON. @throws AppError 400 when it is not JSON. */
export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  const text = rawBody(event);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError(400, 'validation_error', 'The request body is not valid JSON', [{ path: '(root)', message: 'is not valid JSON' }]);
  }
}

/** A path parameter. @throws AppError 404 when absent. */
export function pathParam(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new AppError(404, 'not_found', 'Not found');
  return value;
}
