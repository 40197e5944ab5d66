import { OpenAPIBackend } from 'openapi-backend';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '@vfc/shared/api/openapi';

/** One answer of the HTTP API as the contract check reads it. */
export interface ObservedAnswer {
  method: string;
  /** Path and query as sent, e.g. `/calls?limit=5`. */
  path: string;
  status: number;
  /** The `content-type` header (without parameters), or `''` when absent. */
  contentType: string;
  /** The parsed JSON body, `undefined` when there was none or it was not JSON. */
  json: unknown;
}

let backend: Promise<OpenAPIBackend> | undefined;

/** The API's own OpenAPI document behind openapi-backend 5 (https://github.com/openapistack/openapi-backend), built once. */
function contract(): Promise<OpenAPIBackend> {
  backend ??= new OpenAPIBackend({
    definition: buildOpenApiDocument() as never,
    strict: true,
    customizeAjv: (ajv) => addFormats(ajv),
  }).init();
  return backend;
}

/**
 * What is wrong with an answer measured against the OpenAPI document: `[]` when it is documented — its route, its
 * status for that route, its content type, and (for JSON) a body that validates against that status's schema. An
 * unknown route must be the gateway's `404 {"message": "Not Found"}`.
 */
export async function contractViolations(answer: ObservedAnswer): Promise<string[]> {
  const api = await contract();
  const url = new URL(answer.path, 'http://api.invalid');
  const operation = api.matchOperation({ method: answer.method, path: url.pathname, headers: {} });
  const where = `${answer.method} ${url.pathname} → ${answer.status}`;
  if (!operation) {
    const gatewayNotFound = answer.status === 404 && (answer.json as { message?: unknown } | undefined)?.message === 'Not Found';
    return gatewayNotFound ? [] : [`${where}: no such route in the OpenAPI document`];
  }
  const response = operation.responses?.[String(answer.status)];
  if (!response) return [`${where}: status not documented for ${operation.operationId}`];
  const content = 'content' in response ? response.content : undefined;
  if (!content) return answer.contentType ? [`${where}: documented without a body, answered ${answer.contentType}`] : [];
  if (!content[answer.contentType]) return [`${where}: content type ${answer.contentType || '(none)'} not documented`];
  if (answer.contentType !== 'application/json') return [];
  const result = api.validateResponse(answer.json, operation, answer.status);
  return (result.errors ?? []).map((error) => `${where}: body ${error.instancePath || '(root)'} ${error.message}`);
}
