import { getClinicVoice } from '../app/voice/clinic-voice.js';
import { storageDependencies } from '../composition/storage.js';
import { platformLimitsFromEnv } from '../composition/voice-limits.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic/voice` (admin): provider, account, key's last four, number, concurrency, status. Never the key. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  return json(200, await getClinicVoice({ clinics: storageDependencies().clinics, platformLimits: platformLimitsFromEnv() }, clinicId));
});
