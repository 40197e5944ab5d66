import { getClinicSettings } from '../app/calling-rules/clinic-settings.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic/settings` (admin): the clinic's calling rules (`ClinicSettings`). */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  return json(200, await getClinicSettings(storageDependencies(), clinicId));
});
