import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { ACCESS_TOKEN_CLAIMS, SIGN_IN_SCOPES } from '@vfc/shared';
import { readBody, startHttpServer } from '../emulator-kit/http-server.js';
import { findFreePort } from '../emulator-kit/free-port.js';
import { handleAdminApi } from './admin-api.js';
import { LocalPeople } from './people.js';
import { signInPage } from './sign-in-page.js';

/** The resource indicator the extension's access tokens are for: the API (JWT access tokens need one). */
const API_RESOURCE = 'urn:vfc:api';

/**
 * Whether a browser origin may call the client's CORS endpoints (token, revocation, userinfo): a redirect URI's own
 * origin, or `chrome-extension://<id>` when `https://<id>.chromiumapp.org/` is one of the redirect URIs.
 */
export function corsAllowed(origin: string, redirectUris: readonly string[]): boolean {
  return redirectUris.some((uri) => {
    const url = URL.parse(uri);
    if (!url) return false;
    const extensionId = /^([a-p]{32})\.chromiumapp\.org$/.exec(url.hostname)?.[1];
    return url.origin === origin || (extensionId !== undefined && origin === `chrome-extension://${extensionId}`);
  });
}

/** Options of {@link startIdentityProvider}. */
export interface IdentityProviderOptions {
  /** Port (0 = a free one; `pnpm start` passes `OIDC_PORT` or 4300). */
  port?: number;
  /** The public app client's id (default `vfc-extension-local`). */
  clientId?: string;
  /** Allowed redirect URIs (exact match), e.g. `https://<extension id>.chromiumapp.org/`, `http://127.0.0.1:8123/callback`. */
  redirectUris: string[];
  /** Access token lifetime, seconds (default 3600, Cognito's default). */
  accessTokenTtlSeconds?: number;
  /** The user directory (default: an empty one). */
  people?: LocalPeople;
  /** Bearer key of the admin API (`ops invite-user` / `ops disable-user` locally; default: generated). */
  adminKey?: string;
}

/** A running local identity provider. */
export interface IdentityProvider {
  /** The issuer (`iss` of every token), e.g. `http://127.0.0.1:4300`; discovery at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** The JSON Web Key Set, at `<issuer>/.well-known/jwks.json` (where Cognito publishes its own). */
  jwksUri: string;
  /** The redirect URIs the client allows (exact match). */
  redirectUris: string[];
  people: LocalPeople;
  /** Bearer key of the admin API at `<issuer>/local-admin/people` (see admin-api.ts). */
  adminKey: string;
  stop(): Promise<void>;
}

/**
 * Starts the local stand-in for the Cognito user pool: a certified OpenID Connect provider (`oidc-provider`) with
 * - one public client (no secret, authorization code + PKCE S256 required, refresh tokens, exact redirect URIs);
 * - RS256 JWT access tokens with the claims Cognito's access tokens carry after our pre-token-generation trigger
 *   (`client_id`, `token_use: access`, `cognito:groups`, `clinic_id`, `name`, `email`, `scope`) — see docs/sign-in.md;
 * - a sign-in page checking email + password against {@link LocalPeople}; no consent screen (first-party client);
 * - refresh refused for a disabled or removed person (the account lookup fails).
 * Signing key and cookie keys are generated per start: tokens do not survive a restart.
 */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const port = options.port || (await findFreePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = options.clientId ?? 'vfc-extension-local';
  const people = options.people ?? new LocalPeople();
  const adminKey = options.adminKey ?? `idp_admin_${randomBytes(16).toString('hex')}`;
  const scope = SIGN_IN_SCOPES.join(' ');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `local-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_name: 'Vet follow-up calls (extension)',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
        scope,
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    routes: { jwks: '/.well-known/jwks.json' },
    scopes: [...SIGN_IN_SCOPES],
    // `cognito:groups` in the ID token too, as Cognito puts it there: the extension shows the role from the ID token.
    claims: { openid: ['sub', ACCESS_TOKEN_CLAIMS.groups], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: { AccessToken: options.accessTokenTtlSeconds ?? 3600, AuthorizationCode: 300, RefreshToken: 30 * 24 * 3600, Session: 24 * 3600, Interaction: 3600, Grant: 30 * 24 * 3600 },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope,
          audience: clientId,
          accessTokenTTL: options.accessTokenTtlSeconds ?? 3600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // Cognito issues a refresh token with every code exchange (no offline_access scope): so does the stand-in.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: async (_ctx, sub) => {
      const person = people.findEnabled(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: person.email, email_verified: true, name: person.name, [ACCESS_TOKEN_CLAIMS.groups]: [...person.groups] }),
      };
    },
    extraTokenClaims: async (_ctx, token) => {
      const person = 'accountId' in token && typeof token.accountId === 'string' ? people.findEnabled(token.accountId) : undefined;
      if (!person) return undefined;
      return {
        [ACCESS_TOKEN_CLAIMS.tokenUse]: 'access',
        [ACCESS_TOKEN_CLAIMS.groups]: person.groups,
        [ACCESS_TOKEN_CLAIMS.clinicId]: person.clinicId,
        [ACCESS_TOKEN_CLAIMS.name]: person.name,
        [ACCESS_TOKEN_CLAIMS.email]: person.email,
      };
    },
    // First-party client: the grant covers what it asked for, without a consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(scope);
      grant.addResourceScope(API_RESOURCE, scope);
      await grant.save();
      return grant;
    },
    // The extension's worker calls the token and revocation endpoints from `chrome-extension://<id>`: allowed for the ids
    // whose `https://<id>.chromiumapp.org/` redirect the client has (plus a redirect URI's own origin, the default rule).
    clientBasedCORS: (_ctx, origin, client) => corsAllowed(origin, client.redirectUris ?? []),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Sign-in error</title><h1>Sign-in error</h1><pre>${JSON.stringify(out, null, 2).replace(/</g, '&lt;')}</pre>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const oidc = provider.callback();

  /** `/interaction/<uid>`: the sign-in page; `POST /interaction/<uid>/login`: checks the password and resumes the flow. */
  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const client = await provider.Client.find(String(details.params.client_id));
    const clientName = client?.clientName ?? 'the extension';
    if (req.method === 'POST' && action === 'login') {
      const form = new URLSearchParams(await readBody(req));
      const email = form.get('email') ?? '';
      const person = people.signIn(email, form.get('password') ?? '');
      if (!person) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(signInPage({ action: `/interaction/${uid}/login`, clientName, email, error: 'Wrong email or password, or the account is disabled.' }));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: person.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(signInPage({ action: `/interaction/${uid}/login`, clientName }));
  }

  const server = await startHttpServer(async (req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (match) return interaction(req, res, match[1]!, match[2]);
    if (await handleAdminApi(req, res, people, adminKey)) return;
    oidc(req, res);
  }, port);

  return { issuer, clientId, jwksUri: `${issuer}/.well-known/jwks.json`, redirectUris: [...options.redirectUris], people, adminKey, stop: () => server.stop() };
}
