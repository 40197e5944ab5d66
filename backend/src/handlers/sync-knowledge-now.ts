import { syncKnowledgeNow } from '../app/knowledge/knowledge-sources.js';
import { knowledgeSyncRequestDependencies } from '../composition/knowledge-sources.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `POST /clinic/knowledge/sync` (admin): starts a background sync; answers the sources as they are now (`GET /clinic/knowledge`). */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  return json(200, await syncKnowledgeNow(knowledgeSyncRequestDependencies(), clinicId));
});
