import { browser } from 'wxt/browser';
import type { Call, ClinicSummary, CreateCallRequest, ListCallsResponse } from '@vfc/shared';
import type { ApiConnection, ApiResult } from './api-client';

/**
 * Messages the content script, popup and options page send to the background worker, which alone holds the API
 * token and talks to the API. Each answers an `ApiResult` (`{ok:true,data}` or `{ok:false,status,error}`).
 */
export type ApiMessage =
  /** `connection` lets the options page test values before saving them. */
  | { type: 'vfc:getClinic'; connection?: ApiConnection }
  | { type: 'vfc:listCalls'; consultationId: string }
  | { type: 'vfc:createCall'; body: CreateCallRequest; idempotencyKey: string }
  | { type: 'vfc:cancelCall'; callId: string };

export interface ApiMessageResults {
  'vfc:getClinic': ApiResult<ClinicSummary>;
  'vfc:listCalls': ApiResult<ListCallsResponse>;
  'vfc:createCall': ApiResult<Call>;
  'vfc:cancelCall': ApiResult<Call>;
}

/** Is `value` one of our messages (and not some other extension's)? */
export function isApiMessage(value: unknown): value is ApiMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('vfc:');
}

/**
 * Sends a message to the background worker and waits for its answer. A worker that cannot be reached (e.g. the
 * extension was reloaded under the page) gives `status: 0, error: 'extension_unavailable'`.
 */
export async function sendToBackground<M extends ApiMessage>(message: M): Promise<ApiMessageResults[M['type']]> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as ApiMessageResults[M['type']] | undefined;
    if (answer) return answer;
  } catch {
    // handled below
  }
  return {
    ok: false,
    status: 0,
    error: { error: 'extension_unavailable', message: 'The extension did not answer. Reload the page and try again.' },
  } as ApiMessageResults[M['type']];
}

/** The API as the pages see it: every call goes through the background worker. */
export const backgroundApi = {
  getClinic: (connection?: ApiConnection) => sendToBackground({ type: 'vfc:getClinic', ...(connection ? { connection } : {}) }),
  listCalls: (consultationId: string) => sendToBackground({ type: 'vfc:listCalls', consultationId }),
  createCall: (body: CreateCallRequest, idempotencyKey: string) => sendToBackground({ type: 'vfc:createCall', body, idempotencyKey }),
  cancelCall: (callId: string) => sendToBackground({ type: 'vfc:cancelCall', callId }),
};
export type ExtensionApi = typeof backgroundApi;
