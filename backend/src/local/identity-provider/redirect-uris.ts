/** The loopback redirect URI the local sign-in client always allows (tools and tests that catch the code themselves). */
export const LOCAL_REDIRECT_URI = 'http://127.0.0.1/sign-in/callback';

/** `chrome.identity.launchWebAuthFlow`'s redirect URI for an extension id: `https://<id>.chromiumapp.org/`. */
export const extensionRedirectUri = (extensionId: string) => `https://${extensionId}.chromiumapp.org/`;

/**
 * The local sign-in client's redirect URIs: the loopback one, and one per extension id in `EXTENSION_IDS`
 * (comma-separated; the id is pinned by the manifest `key`, so it is the same on every machine).
 */
export function localRedirectUris(env: NodeJS.ProcessEnv = process.env): string[] {
  const ids = (env.EXTENSION_IDS ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  return [LOCAL_REDIRECT_URI, ...ids.map(extensionRedirectUri)];
}
