import { buildOpenApiDocument } from '@vfc/shared/api/openapi';
import { publicApiHandler } from './http/public-handler.js';
import { json } from './http/responses.js';

/** Built once per container: the document depends only on the code. */
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/**
 * `GET /openapi.json` (no authentication): the HTTP API's OpenAPI 3.1 description, generated from the shared route
 * and operation tables. Without `servers`, a reader resolves paths against the URL it fetched the document from.
 */
export const handler = publicApiHandler(async () => {
  document ??= buildOpenApiDocument();
  return json(200, document);
});
