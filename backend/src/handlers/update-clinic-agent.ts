import { UpdateClinicAgentRequest } from '@vfc/shared';
import { updateClinicAgent } from '../app/agents/clinic-agent.js';
import { agentDependencies } from '../composition/agents.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `PUT /clinic/agent` (admin): partial change of the clinic's agent wiring (agentId, fromNumber — checked against
 * Retell) and of its follow-up agent in Retell (voiceId, greeting, language, maxCallDurationMs — update, then publish).
 * 200 with `ClinicAgentSettings`; 400 bad shape, 409 agent shared with another clinic, 422 Retell says no, 503 Retell down.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const request = UpdateClinicAgentRequest.parse(jsonBody(event));
  return json(200, await updateClinicAgent(agentDependencies(), clinicId, request));
});
