import { cleanupOrphanedAgents } from '../app/agents/cleanup-orphaned-agents.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `POST /agents/cleanup-orphaned` (admin): removes orphans older than 7 days, says which (`CleanupOrphanedAgentsResponse`). */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  return json(200, await cleanupOrphanedAgents(storageDependencies()));
});
