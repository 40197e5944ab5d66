import { listRegistryAgents } from '../app/agents/list-agents.js';
import { storageDependencies } from '../composition/storage.js';
import { vapiRegistryDependencies } from '../composition/vapi-registry.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /agents` (admin): the agent registry, Retell agents and the Vapi clinics' assistants (`ListAgentsResponse`). */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  return json(200, { items: await listRegistryAgents(storageDependencies(), vapiRegistryDependencies().assistants) });
});
