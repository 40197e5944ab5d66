import { syncAgents } from '../app/agents/sync-agents.js';
import { agentDependencies } from '../composition/agents.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `POST /agents/sync` (admin): syncs the registry with Retell now and answers the report (200, also when Retell
 * failed: then `ok` is false, the registry is unchanged and `errors` says why).
 */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  const { report } = await syncAgents(agentDependencies(), { tag: process.env.RETELL_AGENT_TAG || undefined });
  return json(200, report);
});
