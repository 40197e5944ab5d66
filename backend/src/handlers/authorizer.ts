import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import { createAccessTokenVerifier, oidcSettingsFromEnv } from '../adapters/oidc/jose-access-token-verifier.js';
import { authorizeRequest, type AuthorizerResult } from '../app/authorize-request.js';
import type { AccessTokenVerifier } from '../ports/access-token-verifier.js';
import { peopleStore } from '../composition/people.js';
import { storageDependencies } from '../composition/storage.js';

export type { AuthorizerResult } from '../app/authorize-request.js';

/** One verifier per container (its key set is cached across invocations); `null` when sign-in is not configured. */
let verifier: AccessTokenVerifier | null | undefined;
function accessTokenVerifier(): AccessTokenVerifier | undefined {
  if (verifier === undefined) {
    const settings = oidcSettingsFromEnv();
    verifier = settings ? createAccessTokenVerifier(settings) : null;
  }
  return verifier ?? undefined;
}

/**
 * The HTTP API's Lambda authorizer for every bearer-token route: a signed-in person's access token (verified against
 * `OIDC_ISSUER` / `OIDC_CLIENT_ID`, clinic and role from its claims; one conditional write records their activity and
 * refuses a disabled person) or a clinic API key (SHA-256 → its clinic, role and key id). On an admin route (by the event's `routeKey`) a grant whose role is not `admin` is refused
 * here, so a staff token never reaches an admin handler (the handlers check the role again). API Gateway answers 401
 * itself when the Authorization header is missing and 403 `{"message":"Forbidden"}` when this returns false; staff and
 * admin routes have separate authorizer resources, so a verdict cached for one kind is never reused on the other.
 * Lambda context in every log line, metrics flushed once per invocation.
 */
export const handler = middy<APIGatewayRequestAuthorizerEventV2, AuthorizerResult>()
  .use(lambdaContextLogging())
  .use(invocationMetrics())
  .handler(async (event) => {
    const authorization = event.headers?.authorization ?? event.headers?.Authorization;
    const accessTokens = accessTokenVerifier();
    const { clinics, clock } = storageDependencies();
    return authorizeRequest({ clinics, people: peopleStore(), clock, ...(accessTokens ? { accessTokens } : {}) }, authorization, event.routeKey);
  });
