import { storage } from 'wxt/utils/storage';
import type { ApiConnection } from './api-client';
import { loadManagedSettings } from './managed-settings';

/** API base URL, kept in `browser.storage.local` (survives restarts; never synced). A managed `apiUrl` wins over it. */
export const apiBaseUrlItem = storage.defineItem<string>('local:apiBaseUrl', { fallback: '' });
/** Staff API token, kept in `browser.storage.local`. Only the background worker and the options page read it. */
export const apiTokenItem = storage.defineItem<string>('local:apiToken', { fallback: '' });

/**
 * Optional admin API token (calling rules, do-not-call list, agents), kept in `browser.storage.local` like the staff
 * token. Used only for admin calls; the staff token stays the one for everything else.
 */
export const apiAdminTokenItem = storage.defineItem<string>('local:apiAdminToken', { fallback: '' });

/**
 * The sign-in issuer typed in the options page (`browser.storage.local`); a managed `issuer` wins over it. Empty
 * when the clinic signs in with API tokens only.
 */
export const signInIssuerItem = storage.defineItem<string>('local:signInIssuer', { fallback: '' });
/** The sign-in app client id typed in the options page; a managed `clientId` wins over it. */
export const signInClientIdItem = storage.defineItem<string>('local:signInClientId', { fallback: '' });

/** The API base URL in use (trimmed): the one IT preset in managed storage, else the saved one, else empty. */
export async function loadApiBaseUrl(): Promise<string> {
  const [managed, saved] = await Promise.all([loadManagedSettings(), apiBaseUrlItem.getValue()]);
  return managed.apiUrl ?? saved.trim();
}

/** Where staff sign in: the issuer and the extension's app client id there. */
export interface SignInConfig {
  issuer: string;
  clientId: string;
}

/** The sign-in settings in use (managed ones win), `undefined` unless both issuer and client id are set. */
export async function loadSignInConfig(): Promise<SignInConfig | undefined> {
  const [managed, issuer, clientId] = await Promise.all([loadManagedSettings(), signInIssuerItem.getValue(), signInClientIdItem.getValue()]);
  const config = { issuer: managed.issuer ?? issuer.trim(), clientId: managed.clientId ?? clientId.trim() };
  return config.issuer && config.clientId ? config : undefined;
}

/** The saved connection with the clinic's staff token, trimmed (empty strings when not configured). */
export async function loadConnection(): Promise<ApiConnection> {
  const [baseUrl, token] = await Promise.all([loadApiBaseUrl(), apiTokenItem.getValue()]);
  return { baseUrl, token: token.trim() };
}

/** Saves the connection (trimmed). */
export async function saveConnection(connection: ApiConnection): Promise<void> {
  await Promise.all([apiBaseUrlItem.setValue(connection.baseUrl.trim()), apiTokenItem.setValue(connection.token.trim())]);
}

/** The connection for admin calls: the saved base URL with the admin token (empty token when none is saved). */
export async function loadAdminConnection(): Promise<ApiConnection> {
  const [baseUrl, token] = await Promise.all([loadApiBaseUrl(), apiAdminTokenItem.getValue()]);
  return { baseUrl, token: token.trim() };
}

/** Saves the admin token (trimmed; empty removes admin access from this browser). */
export async function saveAdminToken(token: string): Promise<void> {
  await apiAdminTokenItem.setValue(token.trim());
}

/** Desktop notification for each new urgent call (options page, "Follow-ups"); on unless staff turn it off. */
export const notifyUrgentCallsItem = storage.defineItem<boolean>('local:notifyUrgentCalls', { fallback: true });

/**
 * The origin of the IDEXX Neo the content script last ran on (e.g. `https://us.idexxneo.com`), written by the
 * content script; the side panel's "Open consultation" opens consultations there. Empty until a Neo page was seen.
 */
export const lastNeoOriginItem = storage.defineItem<string>('local:lastNeoOrigin', { fallback: '' });

/**
 * Ids of the urgent calls a desktop notification was already shown for (newest last, at most
 * `NOTIFIED_IDS_KEPT`), so no call is announced twice. `null` until the first badge refresh, which records the
 * urgent calls already there without announcing them.
 */
export const notifiedUrgentCallIdsItem = storage.defineItem<string[] | null>('local:notifiedUrgentCallIds', { fallback: null });
