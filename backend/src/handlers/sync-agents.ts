import { syncAgents } from '../app/agents/sync-agents.js';
import { syncVapiAssistants } from '../app/agents/sync-vapi-assistants.js';
import { agentDependencies } from '../composition/agents.js';
import { vapiRegistryDependencies } from '../composition/vapi-registry.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `POST /agents/sync` (admin): syncs the registry with Retell now, then the Vapi clinics' assistants (`vapi`), and
 * answers the report (200, also when Retell failed: then `ok` is false, the Retell registry is unchanged and `errors`
 * says why; a Vapi failure is reported per clinic in `vapi.errors`).
 */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  const { report } = await syncAgents(agentDependencies(), { tag: process.env.RETELL_AGENT_TAG || undefined });
  return json(200, { ...report, vapi: await syncVapiAssistants(vapiRegistryDependencies()) });
});
