import { auditAgents } from '../app/agents/audit-agents.js';
import { auditVapiAssistants } from '../app/agents/audit-vapi-assistants.js';
import { agentDependencies } from '../composition/agents.js';
import { clinicsKnowledgeDrift } from '../composition/knowledge-audit.js';
import { vapiRegistryDependencies } from '../composition/vapi-registry.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `GET /agents/audit` (admin, read-only): discrepancies, health score 0–100 and recommendations (`AgentAuditReport`),
 * over the Retell registry and the Vapi clinics' assistants together, knowledge-base drift of the clinics included.
 */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  const deps = agentDependencies();
  const vapi = await auditVapiAssistants(vapiRegistryDependencies());
  return json(200, await auditAgents(deps, { tag: process.env.RETELL_AGENT_TAG || undefined, vapi, knowledgeDrift: clinicsKnowledgeDrift() }));
});
