import { getClinicAgentSettings } from '../app/agents/clinic-agent.js';
import { getVapiClinicAgentSettings } from '../app/agents/vapi-clinic-agent.js';
import { onVapi } from '../app/agents/vapi-registry.js';
import { requireClinic } from '../app/read-clinic.js';
import { agentDependencies } from '../composition/agents.js';
import { vapiRegistryDependencies } from '../composition/vapi-registry.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic/agent` (admin): the clinic's follow-up agent settings (`ClinicAgentSettings`): its Retell agent, or its Vapi assistant when the clinic is on Vapi. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const deps = agentDependencies();
  const clinic = await requireClinic(deps, clinicId);
  if (onVapi(clinic)) return json(200, await getVapiClinicAgentSettings(vapiRegistryDependencies(), clinic));
  return json(200, await getClinicAgentSettings(deps, clinicId));
});
