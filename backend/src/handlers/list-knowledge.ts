import { listKnowledge } from '../app/knowledge/knowledge-sources.js';
import { knowledgeListDependencies } from '../composition/knowledge-sources.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic/knowledge` (admin): `{items: [{sourceId, kind, title, bytes?, status, error?, updatedAt}], knowledgeBaseId?, syncedAt?}`. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  return json(200, await listKnowledge(knowledgeListDependencies(), clinicId));
});
