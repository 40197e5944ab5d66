import { UpdateClinicVoiceRequest } from '@vfc/shared';
import { updateClinicVoice } from '../app/voice/clinic-voice.js';
import { voiceWorkspaceDependencies } from '../composition/voice-workspace.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/** `PUT /clinic/voice` (admin): tests the key and number, then stores them; 400 with field paths when invalid. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const body = UpdateClinicVoiceRequest.parse(jsonBody(event));
  return json(200, await updateClinicVoice(voiceWorkspaceDependencies(), clinicId, body));
});
