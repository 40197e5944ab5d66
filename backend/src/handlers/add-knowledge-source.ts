import { AddKnowledgeSourceRequest } from '@vfc/shared';
import { addKnowledgeSource } from '../app/knowledge/knowledge-sources.js';
import { knowledgeDependencies } from '../composition/knowledge-sources.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `POST /clinic/knowledge` (admin) `{kind: "text", title, text}` | `{kind: "url", url}` | `{kind: "file", uploadId}`:
 * 201 with the `pending` source; 400 with field paths when invalid; 409 past 50 sources. A sync follows in the background.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const request = AddKnowledgeSourceRequest.parse(jsonBody(event));
  return json(201, await addKnowledgeSource(knowledgeDependencies(), clinicId, request));
});
