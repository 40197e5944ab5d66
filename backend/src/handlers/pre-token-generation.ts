import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { accessTokenClaims } from '../app/access-token-claims.js';

/**
 * Cognito pre-token-generation trigger, event version V2 (access-token customisation; needs the Essentials or Plus
 * feature plan): adds `clinic_id`, `name` and `email` to every access token (sign-in and refresh), so the API's
 * authorizer knows the person's clinic with no database read. Deployed with the user pool (stateful stack).
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: { claimsToAddOrOverride: accessTokenClaims(event.request.userAttributes) },
    },
  };
  return event;
};
