import { browser } from 'wxt/browser';

/**
 * What the clinic's IT preset through Chrome's managed storage (`chrome.storage.managed`, set by enterprise policy;
 * schema in public/managed-schema.json, declared as the manifest's `storage.managed_schema`). A value set here wins
 * over the one typed in the options page, which then shows it locked. Each field is absent when IT did not set it
 * (or set it to something that is not a non-empty string).
 */
export interface ManagedSettings {
  /** The API base URL, e.g. `https://abc.execute-api.us-west-2.amazonaws.com`. */
  apiUrl?: string;
  /** The OpenID Connect issuer staff sign in with (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer?: string;
  /** The extension's public app client id at that issuer. */
  clientId?: string;
}

const MANAGED_KEYS = ['apiUrl', 'issuer', 'clientId'] as const satisfies readonly (keyof ManagedSettings)[];

/**
 * Reads the managed settings (trimmed). Never throws: a browser without managed storage or without a policy for the
 * extension gives `{}`.
 */
export async function loadManagedSettings(): Promise<ManagedSettings> {
  let raw: Record<string, unknown>;
  try {
    raw = (await browser.storage.managed.get([...MANAGED_KEYS])) ?? {};
  } catch {
    return {};
  }
  const settings: ManagedSettings = {};
  for (const key of MANAGED_KEYS) {
    const value = raw[key];
    if (typeof value === 'string' && value.trim()) settings[key] = value.trim();
  }
  return settings;
}
