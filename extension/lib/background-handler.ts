import { browser } from 'wxt/browser';
import { createApiClient, type ApiConnection, type ApiFailure, type FetchLike } from './api-client';
import { isApiMessage, type ApiMessage, type ApiMessageResults } from './messages';
import { loadConnection } from './settings';

export interface BackgroundDeps {
  fetch?: FetchLike;
  loadConnection?: () => Promise<ApiConnection>;
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
