import { browser } from 'wxt/browser';
import { createApiClient, type ApiConnection, type ApiFailure, type FetchLike } from './api-client';
import { contentScriptMatches } from './matches';
import { ADMIN_OPS, isApiMessage, type AdminMessage, type ApiMessage, type ApiMessageResults } from './messages';
import { askNeoTabForScheduleConfigs, type NeoTabDeps } from './neo-tabs';
import { loadAdminConnection, loadConnection } from './settings';

export interface BackgroundDeps {
  fetch?: FetchLike;
  loadConnection?: () => Promise<ApiConnection>;
  loadAdminConnection?: () => Promise<ApiConnection>;
  /** How to reach Neo tabs (default: `browser.tabs` and this build's match patterns). */
  neoTabs?: NeoTabDeps;
}

const noAdminToken: ApiFailure = {
  ok: false,
  status: 0,
  error: { error: 'no_admin_token', message: 'Set an admin API token in the Connection section first (admin pages need one).' },
};

const defaultNeoTabs = (): NeoTabDeps => ({
  queryTabs: async (patterns) => browser.tabs.query(patterns ? { url: patterns } : {}),
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  patterns: contentScriptMatches(import.meta.env.MODE),
});

/** Runs one admin op of the API client with the admin connection (or the one the message carries). */
async function handleAdminMessage(message: AdminMessage, deps: BackgroundDeps): Promise<unknown> {
  const connection = message.connection ?? (await (deps.loadAdminConnection ?? loadAdminConnection)());
  if (!connection.baseUrl) return notConfigured;
  if (!connection.token) return noAdminToken;
  if (!(ADMIN_OPS as readonly string[]).includes(message.op)) {
    return { ok: false, status: 0, error: { error: 'bad_message', message: `Unknown admin operation ${String(message.op)}.` } };
  }
  const api = createApiClient(connection, deps.fetch);
  const method = api[message.op] as (...args: unknown[]) => Promise<unknown>;
  return method(...(message.args as unknown[]));
}

const notConfigured: ApiFailure = {
  ok: false,
  status: 0,
  error: { error: 'not_configured', message: 'Set the API URL and token in the extension options first.' },
};

/** Answers one API message with the saved connection (or the one the message carries, for "Test connection"). */
export async function handleApiMessage<M extends ApiMessage>(
  message: M,
  deps: BackgroundDeps = {},
): Promise<ApiMessageResults[M['type']]> {
  if (message.type === 'vfc:admin') return (await handleAdminMessage(message, deps)) as ApiMessageResults[M['type']];
  if (message.type === 'vfc:neoScheduleConfigs') {
    return (await askNeoTabForScheduleConfigs(deps.neoTabs ?? defaultNeoTabs())) as ApiMessageResults[M['type']];
  }
  const connection = (message.type === 'vfc:getClinic' && message.connection) || (await (deps.loadConnection ?? loadConnection)());
  if (!connection.baseUrl || !connection.token) return notConfigured as ApiMessageResults[M['type']];
  const api = createApiClient(connection, deps.fetch);
  switch (message.type) {
    case 'vfc:getClinic':
      return (await api.getClinic()) as ApiMessageResults[M['type']];
    case 'vfc:listCalls':
      return (await api.listCalls(message.consultationId)) as ApiMessageResults[M['type']];
    case 'vfc:createCall':
      return (await api.createCall(message.body, message.idempotencyKey)) as ApiMessageResults[M['type']];
    case 'vfc:cancelCall':
      return (await api.cancelCall(message.callId)) as ApiMessageResults[M['type']];
    case 'vfc:rescheduleCall':
      return (await api.rescheduleCall(message.callId, message.scheduledFor)) as ApiMessageResults[M['type']];
  }
}

/**
 * Wires the background worker: answers our messages (returning a promise keeps the channel open) and lets content
 * scripts use `storage.session` for unsent dialog drafts (Chrome's default is trusted contexts only).
 */
export function registerBackground(deps: BackgroundDeps = {}): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isApiMessage(message)) return undefined;
    return handleApiMessage(message, deps);
  });
  const session = browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined;
  void session?.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })?.catch(() => undefined);
}
