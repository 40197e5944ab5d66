/**
 * Checks a signed-in person's OpenID Connect access token (a JWT): signature against the issuer's published keys,
 * issuer, app client, expiry and `token_use`. Implemented with `jose` in `adapters/oidc/`.
 */
export interface AccessTokenVerifier {
  /**
   * The token's verified claims.
   * @throws Error when the token is malformed, expired, badly signed, from another issuer or for another client.
   */
  verify(token: string): Promise<Record<string, unknown>>;
}
