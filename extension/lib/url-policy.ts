/**
 * Which API URLs (and sign-in issuers) the extension may talk to. Tokens travel in every request, so a production
 * build sends them over `https://` only; plain `http://` is allowed for this computer alone (`localhost`,
 * `127.0.0.1`, `[::1]`: the local stack). Development and e2e builds accept any http(s) URL.
 */

/** Is this build the production one (`wxt build`, the store package)? Read from Vite's mode at build time. */
export const IS_PRODUCTION_BUILD: boolean = import.meta.env.MODE === 'production';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Is `url` an `http://` URL to this computer (localhost, 127.0.0.1, [::1])? */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * What is wrong with `raw` as an API URL or issuer, `undefined` when nothing is:
 * - `invalid`: not an absolute http(s) URL;
 * - `insecure`: `http://` to another computer while `production` is true.
 * @param production default {@link IS_PRODUCTION_BUILD}.
 */
export function urlProblem(raw: string, production: boolean = IS_PRODUCTION_BUILD): 'invalid' | 'insecure' | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'invalid';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return 'invalid';
  return production && !isLoopbackHttp(url) ? 'insecure' : undefined;
}
