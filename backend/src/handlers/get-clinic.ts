import type { GetClinicResponse } from '@vfc/shared';
import { getClinicSummary } from '../app/read-clinic.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `GET /clinic` (staff): the token's clinic — name, timezone, hours, demo mode (no Retell wiring) — and the token's
 * `role` (`GetClinicResponse`).
 */
export const handler = apiHandler(async (event) => {
  const { clinicId, role } = grantOf(event, 'staff');
  const answer: GetClinicResponse = { ...(await getClinicSummary(storageDependencies(), clinicId)), role };
  return json(200, answer);
});
