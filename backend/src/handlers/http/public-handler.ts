import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiChain } from './api-chain.js';
import type { ApiEvent } from './api-request.js';

/**
 * Wraps a `public` route's function (no bearer token, so no API-key check) in the shared chain (`api-chain.ts`).
 */
export function publicApiHandler(fn: (event: ApiEvent) => Promise<APIGatewayProxyStructuredResultV2>) {
  return apiChain().handler(fn);
}
