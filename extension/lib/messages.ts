import { browser } from 'wxt/browser';
import type { Call, CreateCallRequest, GetClinicResponse, ListCallsResponse } from '@vfc/shared';
import type { ApiClient, ApiConnection, ApiResult, ClinicCallsQuery } from './api-client';
import type { CreateCallCheck } from './create-call-request';
import type { FollowUpsRefresh } from './follow-up-badge';
import type { DialogDraft } from './draft-store';
import type { DialogValues } from './form-errors';
import type { NeoDraftAnswer, NeoDraftRequest } from './neo-draft';
import type { SignInStatus } from './sign-in/sign-in-service';

/**
 * Messages the content script, popup and options page send to the background worker, which alone holds the API
 * token and talks to the API. Each answers an `ApiResult` (`{ok:true,data}` or `{ok:false,status,error}`).
 */
export type ApiMessage =
  /** `connection` lets the options page test values before saving them. */
  | { type: 'vfc:getClinic'; connection?: ApiConnection }
  | { type: 'vfc:listCalls'; consultationId: string }
  | { type: 'vfc:createCall'; body: CreateCallRequest; idempotencyKey: string }
  | { type: 'vfc:cancelCall'; callId: string }
  | { type: 'vfc:rescheduleCall'; callId: string; scheduledFor: string }
  /** One page of the clinic's calls (the side panel). */
  | { type: 'vfc:listClinicCalls'; query: ClinicCallsQuery }
  | { type: 'vfc:resolveCall'; callId: string; note?: string }
  | { type: 'vfc:reopenCall'; callId: string }
  /** Re-count the badge now (and announce new urgent calls): a shown call ended, or a call was resolved. */
  | { type: 'vfc:refreshFollowUps' }
  /** Open the Follow-ups side panel in the sender's window (the consultation panel's button). */
  | { type: 'vfc:openFollowUps' }
  /** An admin route, sent with the saved admin token (or `connection`, to test typed values before saving). */
  | AdminMessage
  /** Neo's clinic business hours, fetched by the content script of an open Neo tab (see lib/neo-tabs.ts). */
  | { type: 'vfc:neoScheduleConfigs' }
  /** Check the Schedule-call dialog with the API's schema (the worker holds the schemas, not the content script). */
  | { type: 'vfc:checkCreateCall'; values: DialogValues; timeZone: string; /** The page's clock (UTC epoch ms): earlier times are refused. */ nowMs: number }
  /** Turn what Neo answered into a call draft (page-data schema, phone parsing: worker-side for the same reason). */
  | { type: 'vfc:neoDraft'; request: NeoDraftRequest }
  /**
   * The Schedule-call dialog's unsent drafts, kept by the worker in `storage.session`, which stays closed to content
   * scripts (it also holds the sign-in's access token).
   */
  | { type: 'vfc:loadDraft'; consultationId: string }
  | { type: 'vfc:saveDraft'; consultationId: string; draft: DialogDraft }
  | { type: 'vfc:clearDraft'; consultationId: string }
  /** Staff sign-in (our own pages only): who is signed in, sign in (opens the issuer's page), sign out. Never a token. */
  | { type: 'vfc:signInStatus' }
  | { type: 'vfc:signIn' }
  | { type: 'vfc:signOut' };

/** Methods of the API client that need an admin token. */
export const ADMIN_OPS = [
  'getClinicSettings',
  'updateClinicSettings',
  'listOptOuts',
  'addOptOut',
  'removeOptOut',
  'syncAgents',
  'listAgents',
  'auditAgents',
  'cleanupOrphanedAgents',
  'listVoices',
  'getClinicAgent',
  'updateClinicAgent',
  'getClinicVoice',
  'updateClinicVoice',
  'getClinic',
  'listKnowledge',
  'addKnowledgeSource',
  'createKnowledgeUpload',
  'removeKnowledgeSource',
  'syncKnowledge',
] as const satisfies readonly (keyof ApiClient)[];
export type AdminOp = (typeof ADMIN_OPS)[number];

export interface AdminMessage<Op extends AdminOp = AdminOp> {
  type: 'vfc:admin';
  op: Op;
  args: Parameters<ApiClient[Op]>;
  connection?: ApiConnection;
}
/** What an admin op answers (the API client's result for that method). */
export type AdminResult<Op extends AdminOp> = Awaited<ReturnType<ApiClient[Op]>>;

export interface ApiMessageResults {
  'vfc:getClinic': ApiResult<GetClinicResponse>;
  'vfc:listCalls': ApiResult<ListCallsResponse>;
  'vfc:createCall': ApiResult<Call>;
  'vfc:cancelCall': ApiResult<Call>;
  'vfc:rescheduleCall': ApiResult<Call>;
  'vfc:listClinicCalls': ApiResult<ListCallsResponse>;
  'vfc:resolveCall': ApiResult<Call>;
  'vfc:reopenCall': ApiResult<Call>;
  'vfc:refreshFollowUps': ApiResult<FollowUpsRefresh>;
  /** `side_panel` when Chrome opened it, `tab` when it refused and the page was opened in a tab instead. */
  'vfc:openFollowUps': ApiResult<{ openedIn: 'side_panel' | 'tab' }>;
  'vfc:admin': AdminResult<AdminOp>;
  /** `data` is Neo's JSON as it came (map it with `weeklyHoursFromNeoScheduleConfigs`). */
  'vfc:neoScheduleConfigs': ApiResult<unknown>;
  'vfc:checkCreateCall': ApiResult<CreateCallCheck>;
  'vfc:neoDraft': ApiResult<NeoDraftAnswer>;
  /** `data` is `null` when the consultation has no draft. */
  'vfc:loadDraft': ApiResult<DialogDraft | null>;
  'vfc:saveDraft': ApiResult<null>;
  'vfc:clearDraft': ApiResult<null>;
  'vfc:signInStatus': ApiResult<SignInStatus>;
  'vfc:signIn': ApiResult<SignInStatus>;
  'vfc:signOut': ApiResult<SignInStatus>;
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
  rescheduleCall: (callId: string, scheduledFor: string) => sendToBackground({ type: 'vfc:rescheduleCall', callId, scheduledFor }),
  listClinicCalls: (query: ClinicCallsQuery) => sendToBackground({ type: 'vfc:listClinicCalls', query }),
  resolveCall: (callId: string, note?: string) => sendToBackground({ type: 'vfc:resolveCall', callId, ...(note ? { note } : {}) }),
  reopenCall: (callId: string) => sendToBackground({ type: 'vfc:reopenCall', callId }),
  refreshFollowUps: () => sendToBackground({ type: 'vfc:refreshFollowUps' }),
  openFollowUps: () => sendToBackground({ type: 'vfc:openFollowUps' }),
  checkCreateCall: (values: DialogValues, timeZone: string, now: Date) => sendToBackground({ type: 'vfc:checkCreateCall', values, timeZone, nowMs: now.getTime() }),
  neoDraft: (request: NeoDraftRequest) => sendToBackground({ type: 'vfc:neoDraft', request }),
};

/**
 * Sends one admin op (a method of the API client, e.g. `listAgents`) through the background worker, which uses the
 * saved admin token — or `connection` when given (the options page testing a typed token).
 */
export async function sendAdmin<Op extends AdminOp>(op: Op, args: Parameters<ApiClient[Op]>, connection?: ApiConnection): Promise<AdminResult<Op>> {
  const message: AdminMessage<Op> = { type: 'vfc:admin', op, args, ...(connection ? { connection } : {}) };
  return (await sendToBackground(message as AdminMessage)) as AdminResult<Op>;
}

/** The admin API as the options page sees it (every call goes through the background worker with the admin token). */
export const adminApi = {
  getClinicSettings: (connection?: ApiConnection) => sendAdmin('getClinicSettings', [], connection),
  updateClinicSettings: (...args: Parameters<ApiClient['updateClinicSettings']>) => sendAdmin('updateClinicSettings', args),
  listOptOuts: () => sendAdmin('listOptOuts', []),
  addOptOut: (...args: Parameters<ApiClient['addOptOut']>) => sendAdmin('addOptOut', args),
  removeOptOut: (...args: Parameters<ApiClient['removeOptOut']>) => sendAdmin('removeOptOut', args),
  syncAgents: () => sendAdmin('syncAgents', []),
  listAgents: () => sendAdmin('listAgents', []),
  auditAgents: () => sendAdmin('auditAgents', []),
  cleanupOrphanedAgents: () => sendAdmin('cleanupOrphanedAgents', []),
  listVoices: () => sendAdmin('listVoices', []),
  getClinicAgent: () => sendAdmin('getClinicAgent', []),
  updateClinicAgent: (...args: Parameters<ApiClient['updateClinicAgent']>) => sendAdmin('updateClinicAgent', args),
  getClinicVoice: () => sendAdmin('getClinicVoice', []),
  updateClinicVoice: (...args: Parameters<ApiClient['updateClinicVoice']>) => sendAdmin('updateClinicVoice', args),
  /** `GET /clinic` with the admin token (the knowledge section previews the clinic facts from it). */
  getClinicAsAdmin: () => sendAdmin('getClinic', []),
  listKnowledge: () => sendAdmin('listKnowledge', []),
  addKnowledgeSource: (...args: Parameters<ApiClient['addKnowledgeSource']>) => sendAdmin('addKnowledgeSource', args),
  createKnowledgeUpload: (...args: Parameters<ApiClient['createKnowledgeUpload']>) => sendAdmin('createKnowledgeUpload', args),
  removeKnowledgeSource: (...args: Parameters<ApiClient['removeKnowledgeSource']>) => sendAdmin('removeKnowledgeSource', args),
  syncKnowledge: () => sendAdmin('syncKnowledge', []),
  /** Neo's business hours from an open Neo tab (`ok: false, error: 'no_neo_tab'` when none is open). */
  neoScheduleConfigs: () => sendToBackground({ type: 'vfc:neoScheduleConfigs' }),
};
export type AdminApi = typeof adminApi;

/** Staff sign-in as the options page and the side panel see it (the worker holds the tokens). */
export const signInApi = {
  status: () => sendToBackground({ type: 'vfc:signInStatus' }),
  signIn: () => sendToBackground({ type: 'vfc:signIn' }),
  signOut: () => sendToBackground({ type: 'vfc:signOut' }),
};
export type SignInApi = typeof signInApi;
export type ExtensionApi = typeof backgroundApi;
