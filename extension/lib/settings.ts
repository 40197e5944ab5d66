import { storage } from 'wxt/utils/storage';
import type { ApiConnection } from './api-client';

/** API base URL, kept in `browser.storage.local` (survives restarts; never synced). */
export const apiBaseUrlItem = storage.defineItem<string>('local:apiBaseUrl', { fallback: '' });
/** Staff API token, kept in `browser.storage.local`. Only the background worker and the options page read it. */
export const apiTokenItem = storage.defineItem<string>('local:apiToken', { fallback: '' });

/**
 * Optional admin API token (calling rules, do-not-call list, agents), kept in `browser.storage.local` like the staff
 * token. Used only for admin calls; the staff token stays the one for everything else.
 */
export const apiAdminTokenItem = storage.defineItem<string>('local:apiAdminToken', { fallback: '' });

/** The saved connection, trimmed (empty strings when not configured). */
export async function loadConnection(): Promise<ApiConnection> {
  const [baseUrl, token] = await Promise.all([apiBaseUrlItem.getValue(), apiTokenItem.getValue()]);
  return { baseUrl: baseUrl.trim(), token: token.trim() };
}

/** Saves the connection (trimmed). */
export async function saveConnection(connection: ApiConnection): Promise<void> {
  await Promise.all([apiBaseUrlItem.setValue(connection.baseUrl.trim()), apiTokenItem.setValue(connection.token.trim())]);
}

/** The connection for admin calls: the saved base URL with the admin token (empty token when none is saved). */
export async function loadAdminConnection(): Promise<ApiConnection> {
  const [baseUrl, token] = await Promise.all([apiBaseUrlItem.getValue(), apiAdminTokenItem.getValue()]);
  return { baseUrl: baseUrl.trim(), token: token.trim() };
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
