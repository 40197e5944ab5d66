import { ACCESS_TOKEN_CLAIMS, CLINIC_USER_ATTRIBUTE } from '@vfc/shared';

/**
 * The claims Cognito's pre-token-generation trigger (V2) adds to a person's access token, from their user attributes:
 * `clinic_id` (from `custom:clinic_id`), `name` and `email` when set. Cognito already puts `sub`, `client_id`,
 * `token_use` and `cognito:groups` there. Strings only (what the trigger may add).
 */
export function accessTokenClaims(userAttributes: Record<string, string | undefined>): Record<string, string> {
  const claims: Record<string, string> = {};
  const copy = (claim: string, attribute: string) => {
    const value = userAttributes[attribute]?.trim();
    if (value) claims[claim] = value;
  };
  copy(ACCESS_TOKEN_CLAIMS.clinicId, CLINIC_USER_ATTRIBUTE);
  copy(ACCESS_TOKEN_CLAIMS.name, 'name');
  copy(ACCESS_TOKEN_CLAIMS.email, 'email');
  return claims;
}
