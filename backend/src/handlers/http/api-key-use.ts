import type middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { recordApiKeyUse, type ApiKeyDependencies } from '../../app/api-keys.js';
import type { ApiEvent } from './api-request.js';

/**
 * middy `before` of every HTTP route: for a caller with a clinic API key (the authorizer put `keyId` in its context),
 * ONE conditional write on the key's record — it sets `lastUsedAt` and refuses a revoked key (401). API Gateway caches
 * the authorizer's verdict per token for up to 5 minutes; this check is what makes a revocation bite on the key's
 * very next request. Signed-in people (no `keyId`) and unauthenticated routes cost nothing here.
 * @param dependencies built on first use (the key store and the clock), so a route never called with a key builds nothing
 */
export function apiKeyUse(dependencies: () => Pick<ApiKeyDependencies, 'apiKeys' | 'clock'>): middy.MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2> {
  return {
    before: async (request) => {
      const context = request.event.requestContext?.authorizer?.lambda;
      const keyId = context?.keyId;
      const clinicId = context?.clinicId;
      if (typeof keyId !== 'string' || !keyId || typeof clinicId !== 'string') return;
      await recordApiKeyUse(dependencies(), clinicId, keyId);
    },
  };
}
