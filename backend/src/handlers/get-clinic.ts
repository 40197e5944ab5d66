import { getClinicSummary } from '../app/read-clinic.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic` (staff): the token's clinic — name, timezone, hours, demo mode (no Retell wiring). */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'staff');
  return json(200, await getClinicSummary(storageDependencies(), clinicId));
});
