import { UpdateClinicSettingsRequest } from '@vfc/shared';
import { updateClinicSettings } from '../app/calling-rules/clinic-settings.js';
import { refreshClinicFactsAfterChange } from '../app/knowledge/clinic-facts.js';
import { clinicFactsDependencies } from '../composition/knowledge-sources.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `PUT /clinic/settings` (admin): changes only the fields sent; 400 with field paths when invalid; answers the whole
 * rule set. The clinic facts of the knowledge base are then regenerated (and synced in the background) when they changed.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const patch = UpdateClinicSettingsRequest.parse(jsonBody(event));
  const rules = await updateClinicSettings(storageDependencies(), clinicId, patch);
  await refreshClinicFactsAfterChange({ ...clinicFactsDependencies(), clinics: storageDependencies().clinics }, clinicId);
  return json(200, rules);
});
