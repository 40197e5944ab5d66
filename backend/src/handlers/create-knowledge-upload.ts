import { CreateKnowledgeUploadRequest } from '@vfc/shared';
import { createKnowledgeUpload } from '../app/knowledge/knowledge-uploads.js';
import { knowledgeUploadDependencies } from '../composition/knowledge-sources.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `POST /clinic/knowledge/uploads` (admin) `{fileName, contentType, bytes}` → 201 `{uploadId, url, headers, expiresAt}`:
 * a presigned S3 PUT for exactly that type and length. 413 above 5 MB; 400 for another type.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const request = CreateKnowledgeUploadRequest.parse(jsonBody(event));
  return json(201, await createKnowledgeUpload(knowledgeUploadDependencies(), clinicId, request));
});
