import { UpdateClinicAgentRequest } from '@vfc/shared';
import { updateClinicAgent } from '../app/agents/clinic-agent.js';
import { updateVapiClinicAgent } from '../app/agents/vapi-clinic-agent.js';
import { onVapi } from '../app/agents/vapi-registry.js';
import { requireClinic } from '../app/read-clinic.js';
import { agentDependencies } from '../composition/agents.js';
import { vapiRegistryDependencies } from '../composition/vapi-registry.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `PUT /clinic/agent` (admin): partial change of the clinic's agent wiring (agentId, fromNumber — checked against
 * Retell) and of its follow-up agent in Retell (voiceId, greeting, language, maxCallDurationMs — update, then publish).
 * For a clinic on Vapi the edit goes to its assistant and changes only the fields sent (see `updateVapiClinicAgent`).
 * 200 with `ClinicAgentSettings`; 400 bad shape, 409 agent shared with another clinic (Vapi: no assistant yet),
 * 422 the provider says no, 503 the provider is down.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const request = UpdateClinicAgentRequest.parse(jsonBody(event));
  const deps = agentDependencies();
  const clinic = await requireClinic(deps, clinicId);
  if (onVapi(clinic)) return json(200, await updateVapiClinicAgent(vapiRegistryDependencies(), clinic, request));
  return json(200, await updateClinicAgent(deps, clinicId, request));
});
