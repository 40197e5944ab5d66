import { UpdateClinicVoiceRequest } from '@vfc/shared';
import { resyncAfterAccountChange } from '../app/knowledge/account-change.js';
import { updateClinicVoice } from '../app/voice/clinic-voice.js';
import { clinicFactsDependencies } from '../composition/knowledge-sources.js';
import { voiceWorkspaceDependencies } from '../composition/voice-workspace.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `PUT /clinic/voice` (admin): tests the key and number, then stores them; 400 with field paths when invalid. A move to
 * another provider or account re-syncs the clinic's knowledge base there (queued, in the background).
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const body = UpdateClinicVoiceRequest.parse(jsonBody(event));
  const deps = { ...voiceWorkspaceDependencies(), resyncKnowledge: (id: string, options: { forget: boolean }) => resyncAfterAccountChange(clinicFactsDependencies(), id, options) };
  return json(200, await updateClinicVoice(deps, clinicId, body));
});
