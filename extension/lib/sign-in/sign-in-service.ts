import { i18n } from '#i18n';
import * as oauth from 'oauth4webapi';
import { browser } from 'wxt/browser';
import type { ApiFailure, ApiResult } from '../api-client';
import { loadSignInConfig, type SignInConfig } from '../settings';
import { authorizationRequest, discover, exchangeCode, isRefreshRefused, refreshTokens, revokeRefreshToken, type OidcHttp, type TokenSet } from './oidc-flow';
import { profileFromClaims, type SignedInProfile } from './profile';
import { accessTokenItem, clearSignIn, issuedBy, refreshTokenItem } from './sign-in-store';
import { signedInItem } from './signed-in-item';

/** Sign-in as the pages see it: not set up (no issuer), signed out, or signed in as someone. Never a token. */
export type SignInStatus = { state: 'not_configured' } | { state: 'signed_out' } | { state: 'signed_in'; profile: SignedInProfile };

/**
 * The signed-in person's access token for an API call: `none` when nobody is signed in (the clinic's API token is
 * used instead), `failed` when someone is signed in but no valid token could be had (never fall back to the clinic
 * token then: the call would not be theirs).
 */
export type PersonToken = { kind: 'none' } | { kind: 'token'; token: string } | { kind: 'failed'; failure: ApiFailure };

export interface SignInServiceDeps extends OidcHttp {
  /** Opens the issuer's sign-in page and answers the URL it redirected to (default `browser.identity.launchWebAuthFlow`). */
  launchWebAuthFlow?: (url: string) => Promise<string | undefined>;
  /** The redirect URI registered at the issuer (default `browser.identity.getRedirectURL()`: `https://<id>.chromiumapp.org/`). */
  redirectUrl?: () => string;
  /** The clock, UTC epoch ms (default `Date.now`). */
  now?: () => number;
  /** The issuer and client id in use (default: managed storage, else the options page's). */
  loadConfig?: () => Promise<SignInConfig | undefined>;
}

/** An access token is refreshed when it has less than this left (ms). */
export const REFRESH_MARGIN_MS = 60_000;
/** Lifetime assumed when the issuer's answer has no `expires_in` (s). */
const DEFAULT_EXPIRES_IN_S = 300;

const fail = (error: string, message: string, status = 0): ApiFailure => ({ ok: false, status, error: { error, message } });
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The background worker's sign-in: the authorization-code flow with PKCE in `launchWebAuthFlow`, tokens kept where
 * content scripts cannot reach them (lib/sign-in/sign-in-store.ts), silent refresh when the access token has less than
 * a minute left (or when the API refused it: `personToken({ force: true })`), sign-out. One refresh at a time.
 */
export function createSignInService(deps: SignInServiceDeps = {}) {
  const now = deps.now ?? (() => Date.now());
  const loadConfig = deps.loadConfig ?? loadSignInConfig;
  const servers = new Map<string, Promise<oauth.AuthorizationServer>>();
  let refreshing: Promise<PersonToken> | undefined;

  /** The issuer's metadata, discovered once per worker (a failed discovery is tried again next time). */
  function server(issuer: string): Promise<oauth.AuthorizationServer> {
    let found = servers.get(issuer);
    if (!found) {
      found = discover(issuer, deps);
      found.catch(() => servers.delete(issuer));
      servers.set(issuer, found);
    }
    return found;
  }

  async function status(): Promise<SignInStatus> {
    const config = await loadConfig();
    if (!config) return { state: 'not_configured' };
    const signedIn = await signedInItem.getValue();
    return signedIn && issuedBy(signedIn, config) ? { state: 'signed_in', profile: signedIn.profile } : { state: 'signed_out' };
  }

  /** Stores what the token endpoint answered (the refresh token and profile only when new ones came). */
  async function keep(config: SignInConfig, tokens: TokenSet): Promise<void> {
    const expiresAt = now() + (tokens.expiresInSeconds ?? DEFAULT_EXPIRES_IN_S) * 1000;
    await accessTokenItem.setValue({ ...config, accessToken: tokens.accessToken, expiresAt });
    if (tokens.refreshToken) await refreshTokenItem.setValue({ ...config, refreshToken: tokens.refreshToken });
    if (tokens.idClaims) await signedInItem.setValue({ ...config, profile: profileFromClaims(tokens.idClaims, tokens.accessToken) });
  }

  async function launch(url: string): Promise<string | undefined> {
    if (deps.launchWebAuthFlow) return deps.launchWebAuthFlow(url);
    return browser.identity.launchWebAuthFlow({ url, interactive: true });
  }

  /** Signs in interactively. Answers the new status, or why it failed (`sign_in_*`, `insecure_url`). */
  async function signIn(): Promise<ApiResult<SignInStatus>> {
    const config = await loadConfig();
    if (!config) return fail('sign_in_not_configured', i18n.t('signIn.errors.notConfigured'));
    let as: oauth.AuthorizationServer;
    try {
      as = await server(config.issuer);
    } catch (error) {
      if ((error as { code?: string }).code === 'insecure_url') return fail('insecure_url', i18n.t('signIn.errors.insecureIssuer'));
      return fail('issuer_unreachable', i18n.t('signIn.errors.issuerUnreachable', [config.issuer, reason(error)]));
    }
    const redirectUri = (deps.redirectUrl ?? (() => browser.identity.getRedirectURL()))();
    const pending = await authorizationRequest(as, config, redirectUri);
    let callbackUrl: string | undefined;
    try {
      callbackUrl = await launch(pending.url);
    } catch (error) {
      // Chrome rejects with "The user did not approve access." when the window is closed.
      return /did not approve|cancel/i.test(reason(error))
        ? fail('sign_in_cancelled', i18n.t('signIn.errors.cancelled'))
        : fail('sign_in_failed', i18n.t('signIn.errors.failed', [reason(error)]));
    }
    if (!callbackUrl) return fail('sign_in_cancelled', i18n.t('signIn.errors.cancelled'));
    try {
      await keep(config, await exchangeCode(as, config, pending, callbackUrl, deps));
    } catch (error) {
      if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
        return fail('sign_in_refused', i18n.t('signIn.errors.refused', [error.error_description ?? error.error]));
      }
      return fail('sign_in_failed', i18n.t('signIn.errors.failed', [reason(error)]));
    }
    return { ok: true, status: 200, data: await status() };
  }

  /** Forgets the tokens (and revokes the refresh token at the issuer when it can). Answers the new status. */
  async function signOut(): Promise<ApiResult<SignInStatus>> {
    const [config, stored] = await Promise.all([loadConfig(), refreshTokenItem.getValue()]);
    await clearSignIn();
    if (config && stored && issuedBy(stored, config)) {
      await server(config.issuer)
        .then((as) => revokeRefreshToken(as, config, stored.refreshToken, deps))
        .catch(() => undefined);
    }
    return { ok: true, status: 200, data: await status() };
  }

  async function refresh(config: SignInConfig): Promise<PersonToken> {
    const stored = await refreshTokenItem.getValue();
    if (!stored || !issuedBy(stored, config)) {
      await clearSignIn();
      return { kind: 'failed', failure: fail('sign_in_expired', i18n.t('signIn.errors.expired'), 401) };
    }
    try {
      const tokens = await refreshTokens(await server(config.issuer), config, stored.refreshToken, deps);
      await keep(config, tokens);
      return { kind: 'token', token: tokens.accessToken };
    } catch (error) {
      if (isRefreshRefused(error)) {
        await clearSignIn();
        return { kind: 'failed', failure: fail('sign_in_expired', i18n.t('signIn.errors.expired'), 401) };
      }
      return { kind: 'failed', failure: fail('issuer_unreachable', i18n.t('signIn.errors.issuerUnreachable', [config.issuer, reason(error)])) };
    }
  }

  /**
   * The signed-in person's access token: the stored one while it has more than {@link REFRESH_MARGIN_MS} left, else
   * (or with `force`, after the API answered 401) a refreshed one. A refused refresh signs the person out.
   */
  async function personToken(options: { force?: boolean } = {}): Promise<PersonToken> {
    const config = await loadConfig();
    if (!config) return { kind: 'none' };
    const signedIn = await signedInItem.getValue();
    if (!signedIn || !issuedBy(signedIn, config)) return { kind: 'none' };
    const access = await accessTokenItem.getValue();
    if (!options.force && access && issuedBy(access, config) && access.expiresAt - now() > REFRESH_MARGIN_MS) {
      return { kind: 'token', token: access.accessToken };
    }
    refreshing ??= refresh(config).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return { status, signIn, signOut, personToken };
}
export type SignInService = ReturnType<typeof createSignInService>;
