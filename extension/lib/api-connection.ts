import { i18n } from '#i18n';
import { createApiClient, type ApiClient, type ApiConnection, type ApiFailure, type ApiResult, type FetchLike } from './api-client';
import { loadAdminConnection, loadConnection } from './settings';
import type { SignInService } from './sign-in/sign-in-service';
import { urlProblem } from './url-policy';

/** What the worker needs to pick the connection of an API call. */
export interface ConnectionDeps {
  fetch?: FetchLike;
  /** The saved API URL and the clinic's staff token (default lib/settings.ts). */
  loadConnection?: () => Promise<ApiConnection>;
  /** The saved API URL and the clinic's admin token (default lib/settings.ts). */
  loadAdminConnection?: () => Promise<ApiConnection>;
  /** Staff sign-in; without it only the clinic's API tokens are used. */
  signIn?: SignInService;
  /** Refuse `http://` API URLs to other computers (default: in the production build; see lib/url-policy.ts). */
  production?: boolean;
}

export const notConfigured = (): ApiFailure => ({
  ok: false,
  status: 0,
  error: { error: 'not_configured', message: i18n.t('errors.notConfigured') },
});

/** A production build never sends a token over plain http to another computer (lib/url-policy.ts). */
const insecureUrl = (): ApiFailure => ({
  ok: false,
  status: 0,
  error: { error: 'insecure_url', message: i18n.t('errors.insecureUrl') },
});

const noAdminToken = (): ApiFailure => ({
  ok: false,
  status: 0,
  error: { error: 'no_admin_token', message: i18n.t('errors.noAdminToken') },
});

/** `not_configured` without a URL, `no_admin_token` / `not_configured` without a token, `insecure_url` for a refused http URL. */
function connectionFailure(connection: ApiConnection, kind: 'staff' | 'admin', production: boolean | undefined): ApiFailure | undefined {
  if (!connection.baseUrl) return notConfigured();
  if (urlProblem(connection.baseUrl, production) === 'insecure') return insecureUrl();
  if (!connection.token) return kind === 'admin' ? noAdminToken() : notConfigured();
  return undefined;
}

/**
 * Runs one API call with the right connection, never throwing:
 * - `given` (the options page testing typed values) as it is;
 * - else, when someone is signed in, their access token — refreshed first when it is about to expire, and once more
 *   when the API answers 401, then the call is retried once; a signed-in person whose token cannot be had gets that
 *   failure, never the clinic's token;
 * - else the clinic's saved staff token (`kind: 'staff'`) or admin token (`kind: 'admin'`).
 * The API URL is always the saved one (managed storage first).
 */
export async function withApi<T>(
  deps: ConnectionDeps,
  kind: 'staff' | 'admin',
  given: ApiConnection | undefined,
  call: (api: ApiClient) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  const run = async (connection: ApiConnection) => connectionFailure(connection, kind, deps.production) ?? call(createApiClient(connection, deps.fetch));
  if (given) return run(given);
  const person = deps.signIn ? await deps.signIn.personToken() : ({ kind: 'none' } as const);
  if (person.kind === 'failed') return person.failure;
  if (person.kind === 'token') {
    const { baseUrl } = await (deps.loadConnection ?? loadConnection)();
    const first = await run({ baseUrl, token: person.token });
    if (first.ok || first.status !== 401) return first;
    const again = await deps.signIn!.personToken({ force: true });
    if (again.kind === 'failed') return again.failure;
    return again.kind === 'token' ? run({ baseUrl, token: again.token }) : first;
  }
  return run(await (kind === 'admin' ? (deps.loadAdminConnection ?? loadAdminConnection) : (deps.loadConnection ?? loadConnection))());
}
