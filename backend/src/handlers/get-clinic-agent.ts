import { getClinicAgentSettings } from '../app/agents/clinic-agent.js';
import { agentDependencies } from '../composition/agents.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic/agent` (admin): the clinic's follow-up agent settings (`ClinicAgentSettings`). */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  return json(200, await getClinicAgentSettings(agentDependencies(), clinicId));
});
