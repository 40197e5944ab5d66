import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiKeyUseDependencies } from '../../composition/api-key-use.js';
import { apiChain } from './api-chain.js';
import { apiKeyUse } from './api-key-use.js';
import type { ApiEvent } from './api-request.js';

/**
 * Wraps a `staff` or `admin` route's function in the shared chain (`api-chain.ts`: Lambda context in every log line,
 * metrics flushed once, lower-cased headers, errors in the API's JSON shape), then an API-key caller's one conditional
 * write (last use; a revoked key → 401, see `api-key-use.ts`). The function itself parses, calls one use case and shapes
 * the answer.
 */
export function apiHandler(fn: (event: ApiEvent) => Promise<APIGatewayProxyStructuredResultV2>) {
  return apiChain().use(apiKeyUse(apiKeyUseDependencies)).handler(fn);
}
