import { KnowledgeSourceIdPath } from '@vfc/shared';
import { removeKnowledgeSource } from '../app/knowledge/knowledge-sources.js';
import { knowledgeSyncRequestDependencies } from '../composition/knowledge-sources.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, pathParam } from './http/api-request.js';

/** `DELETE /clinic/knowledge/{sourceId}` (admin): 204; 404 when there is no such source; 409 for the clinic facts. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const { sourceId } = KnowledgeSourceIdPath.parse({ sourceId: pathParam(event, 'sourceId') });
  await removeKnowledgeSource(knowledgeSyncRequestDependencies(), clinicId, sourceId);
  return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
});
