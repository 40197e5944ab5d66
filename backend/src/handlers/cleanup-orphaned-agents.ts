import { cleanupOrphanedAgents } from '../app/agents/cleanup-orphaned-agents.js';
import { cleanupVapiOrphans } from '../app/agents/cleanup-vapi-orphans.js';
import { storageDependencies } from '../composition/storage.js';
import { vapiRegistryDependencies } from '../composition/vapi-registry.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `POST /agents/cleanup-orphaned` (admin): removes Retell orphans older than 7 days from the registry, and deletes in
 * Vapi our tagged assistants no clinic uses; says which (`CleanupOrphanedAgentsResponse`).
 */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  const retell = await cleanupOrphanedAgents(storageDependencies());
  const vapi = await cleanupVapiOrphans(vapiRegistryDependencies());
  return json(200, { removed: [...retell.removed, ...vapi.removed], kept: [...retell.kept, ...vapi.kept] });
});
