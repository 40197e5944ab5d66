import { UpdateClinicSettingsRequest } from '@vfc/shared';
import { updateClinicSettings } from '../app/calling-rules/clinic-settings.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/** `PUT /clinic/settings` (admin): changes only the fields sent; 400 with field paths when invalid; answers the whole rule set. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const patch = UpdateClinicSettingsRequest.parse(jsonBody(event));
  return json(200, await updateClinicSettings(storageDependencies(), clinicId, patch));
});
