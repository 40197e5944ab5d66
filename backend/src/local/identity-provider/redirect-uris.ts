import { DEV_EXTENSION_ID } from '@vfc/shared';

/** The loopback redirect URI the local sign-in client always allows (tools and tests that catch the code themselves). */
export const LOCAL_REDIRECT_URI = 'http://127.0.0.1/sign-in/callback';

/** `chrome.identity.launchWebAuthFlow`'s redirect URI for an extension id: `https://<id>.chromiumapp.org/`. */
export const extensionRedirectUri = (extensionId: string) => `https://${extensionId}.chromiumapp.org/`;

/**
 * The local sign-in client's redirect URIs: the loopback one, the development/e2e build's (its id pinned by the manifest
 * `key`, so the same on every machine), and one per extension id in `EXTENSION_IDS` (comma-separated).
 */
export function localRedirectUris(env: NodeJS.ProcessEnv = process.env): string[] {
  const ids = (env.EXTENSION_IDS ?? '').split(',').map((id) => id.trim()).filter((id) => id && id !== DEV_EXTENSION_ID);
  return [LOCAL_REDIRECT_URI, extensionRedirectUri(DEV_EXTENSION_ID), ...ids.map(extensionRedirectUri)];
}
