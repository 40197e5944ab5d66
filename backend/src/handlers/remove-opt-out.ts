import { OptOutPathNumber } from '@vfc/shared';
import { removeOptOut } from '../app/calling-rules/opt-outs.js';
import { invalidField } from '../app/errors.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, pathParam } from './http/api-request.js';

/**
 * `DELETE /clinic/opt-outs/{phoneNumber}` (admin): takes the number off the list → 204; 404 when it is not on it.
 * The path parameter is URL-encoded (`%2B14155550123`); it is normalised to E.164 like a typed number.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const raw = pathParam(event, 'phoneNumber');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw invalidField('phoneNumber', 'is not a valid URL-encoded phone number');
  }
  const parsed = OptOutPathNumber.safeParse(decoded);
  if (!parsed.success) throw invalidField('phoneNumber', `"${decoded}" is not a valid phone number`);
  await removeOptOut(storageDependencies(), clinicId, parsed.data);
  return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
});
