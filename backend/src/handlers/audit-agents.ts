import { auditAgents } from '../app/agents/audit-agents.js';
import { agentDependencies } from '../composition/agents.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /agents/audit` (admin, read-only): discrepancies, health score 0–100 and recommendations (`AgentAuditReport`). */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  return json(200, await auditAgents(agentDependencies(), { tag: process.env.RETELL_AGENT_TAG || undefined }));
});
