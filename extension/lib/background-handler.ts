import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ApiClient, ApiFailure, ApiResult } from './api-client';
import { withApi, type ConnectionDeps } from './api-connection';
import {
  BADGE_COLOR,
  FOLLOW_UPS_ALARM,
  FOLLOW_UPS_ALARM_MINUTES,
  refreshFollowUps,
  serialized,
  type FollowUpsRefresh,
  type UrgentNotice,
} from './follow-up-badge';
import { buildCreateCallRequest } from './create-call-request';
import { sessionDrafts } from './draft-store';
import { contentScriptMatches } from './matches';
import { classifySender, refusalFor, type MessageSenderLike } from './message-sender';
import { ADMIN_OPS, isApiMessage, type AdminMessage, type ApiMessage, type ApiMessageResults } from './messages';
import { neoDraft } from './neo-draft';
import { askNeoTabForScheduleConfigs, type NeoTabDeps } from './neo-tabs';
import { notifiedUrgentCallIdsItem, notifyUrgentCallsItem } from './settings';
import { createSignInService, type SignInServiceDeps } from './sign-in/sign-in-service';

/** The part of Chrome's `chrome.sidePanel` the worker uses (Chrome 116+; absent in WXT's fake browser). */
export interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick?: boolean }): Promise<void>;
}

/** What the worker uses, each replaceable in tests (fetch, connections, sign-in, the URL policy: see ConnectionDeps). */
export interface BackgroundDeps extends ConnectionDeps {
  /** How `registerBackground` builds staff sign-in when `signIn` is not given (the browser's identity API by default). */
  signInDeps?: Omit<SignInServiceDeps, 'fetch' | 'production'>;
  /** How to reach Neo tabs (default: `browser.tabs` and this build's match patterns). */
  neoTabs?: NeoTabDeps;
  /** Default: `browser.sidePanel` when the browser has it. */
  sidePanel?: SidePanelApi;
  /** Shows a desktop notification (default: `browser.notifications.create`, `basic` type, the extension's icon). */
  notify?: (notice: UrgentNotice) => Promise<void>;
  /** Sets the toolbar badge text (default: `browser.action.setBadgeText`). */
  setBadge?: (text: string) => Promise<void>;
  /** Re-counts the badge; `registerBackground` passes one that never runs twice at once. */
  refreshBadge?: () => Promise<ApiResult<FollowUpsRefresh>>;
}

/** Path of the side panel page (also opened in a tab when Chrome will not open the side panel). */
export const SIDE_PANEL_PATH = '/sidepanel.html';

const defaultSidePanel = (): SidePanelApi | undefined => (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;

const defaultNotify = async (notice: UrgentNotice) => {
  await browser.notifications.create(notice.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon-128.png'),
    title: notice.title,
    message: notice.message,
    priority: 2,
  });
};

const defaultSetBadge = async (text: string) => {
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
};

const defaultNeoTabs = (): NeoTabDeps => ({
  queryTabs: async (patterns) => browser.tabs.query(patterns ? { url: patterns } : {}),
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  patterns: contentScriptMatches(import.meta.env.MODE),
});

/**
 * Runs one admin op of the API client: with the signed-in person's token, else the clinic's admin token (or the
 * connection the options page sends to test typed values).
 */
async function handleAdminMessage(message: AdminMessage, deps: BackgroundDeps): Promise<unknown> {
  if (!(ADMIN_OPS as readonly string[]).includes(message.op)) {
    return { ok: false, status: 0, error: { error: 'bad_message', message: i18n.t('errors.unknownAdminOp', [String(message.op)]) } };
  }
  return withApi(deps, 'admin', message.connection, (api) => {
    const method = api[message.op] as (...args: unknown[]) => Promise<ApiResult<unknown>>;
    return method(...(message.args as unknown[]));
  });
}

const REFUSAL_MESSAGES = {
  foreign_sender: () => i18n.t('errors.senderRefused'),
  content_script_refused: () => i18n.t('errors.senderRefused'),
  connection_refused: () => i18n.t('errors.connectionRefused'),
} as const;

/**
 * The worker's answer to a message it must not answer (see lib/message-sender.ts), `undefined` when it may: admin
 * operations only to our own pages, a connection of its own only from the options page, nothing to other senders.
 */
export function refuseSender(message: ApiMessage, sender: MessageSenderLike | undefined): ApiFailure | undefined {
  const refusal = refusalFor(message, classifySender(sender, browser.runtime.id, browser.runtime.getURL('/')));
  return refusal ? { ok: false, status: 0, error: { error: refusal, message: REFUSAL_MESSAGES[refusal]() } } : undefined;
}

/**
 * Re-counts the badge as the signed-in person, else with the clinic's staff token (lib/follow-up-badge.ts). Without a
 * connection the badge is cleared and `not_configured` returned.
 */
export async function refreshBadgeNow(deps: BackgroundDeps = {}): Promise<ApiResult<FollowUpsRefresh>> {
  const setBadge = deps.setBadge ?? defaultSetBadge;
  let reached = false;
  const result = await withApi(deps, 'staff', undefined, (api) => {
    reached = true;
    return refreshFollowUps({
      listClinicCalls: api.listClinicCalls,
      setBadge,
      notify: deps.notify ?? defaultNotify,
      notifyEnabled: () => notifyUrgentCallsItem.getValue(),
      loadNotified: () => notifiedUrgentCallIdsItem.getValue(),
      saveNotified: (ids) => notifiedUrgentCallIdsItem.setValue(ids),
    });
  });
  // No connection (or nobody to call as): nothing to count.
  if (!reached) await setBadge('');
  return result;
}

/**
 * Opens the Follow-ups side panel in the sender's tab. Chrome allows `sidePanel.open` only in answer to a user
 * gesture, so it is called before anything is awaited; when Chrome refuses (or has no side panel), the same page
 * opens in a new tab.
 */
export async function openFollowUps(tabId: number | undefined, deps: BackgroundDeps = {}): Promise<ApiResult<{ openedIn: 'side_panel' | 'tab' }>> {
  const sidePanel = deps.sidePanel ?? defaultSidePanel();
  let opening: Promise<void> | undefined;
  try {
    opening = sidePanel && tabId !== undefined ? sidePanel.open({ tabId }) : undefined;
  } catch {
    opening = undefined;
  }
  if (opening) {
    try {
      await opening;
      return { ok: true, status: 200, data: { openedIn: 'side_panel' } };
    } catch {
      // fall through to a tab
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL(SIDE_PANEL_PATH) });
  return { ok: true, status: 200, data: { openedIn: 'tab' } };
}

/** Answers one API message with the saved connection (or the one the message carries, for "Test connection"). */
export async function handleApiMessage<M extends ApiMessage>(
  message: M,
  deps: BackgroundDeps = {},
): Promise<ApiMessageResults[M['type']]> {
  if (message.type === 'vfc:admin') return (await handleAdminMessage(message, deps)) as ApiMessageResults[M['type']];
  if (message.type === 'vfc:neoScheduleConfigs') {
    return (await askNeoTabForScheduleConfigs(deps.neoTabs ?? defaultNeoTabs())) as ApiMessageResults[M['type']];
  }
  if (message.type === 'vfc:refreshFollowUps') {
    return (await (deps.refreshBadge ?? (() => refreshBadgeNow(deps)))()) as ApiMessageResults[M['type']];
  }
  if (message.type === 'vfc:openFollowUps') return (await openFollowUps(undefined, deps)) as ApiMessageResults[M['type']];
  if (message.type === 'vfc:checkCreateCall') {
    return { ok: true, status: 200, data: buildCreateCallRequest(message.values, message.timeZone, new Date(message.nowMs)) } as ApiMessageResults[M['type']];
  }
  if (message.type === 'vfc:neoDraft') return { ok: true, status: 200, data: neoDraft(message.request) } as ApiMessageResults[M['type']];
  if (message.type === 'vfc:loadDraft' || message.type === 'vfc:saveDraft' || message.type === 'vfc:clearDraft') {
    return (await handleDraftMessage(message)) as ApiMessageResults[M['type']];
  }
  if (message.type === 'vfc:signInStatus') {
    return (deps.signIn ? { ok: true, status: 200, data: await deps.signIn.status() } : { ok: true, status: 200, data: { state: 'not_configured' } }) as ApiMessageResults[M['type']];
  }
  if (message.type === 'vfc:signIn' || message.type === 'vfc:signOut') {
    if (!deps.signIn) return { ok: false, status: 0, error: { error: 'sign_in_not_configured', message: i18n.t('signIn.errors.notConfigured') } } as ApiMessageResults[M['type']];
    return (await (message.type === 'vfc:signIn' ? deps.signIn.signIn() : deps.signIn.signOut())) as ApiMessageResults[M['type']];
  }
  const given = message.type === 'vfc:getClinic' ? message.connection : undefined;
  return (await withApi(deps, 'staff', given, (api) => staffCall(message, api))) as ApiMessageResults[M['type']];
}

type StaffMessage = Extract<
  ApiMessage,
  { type: 'vfc:getClinic' | 'vfc:listCalls' | 'vfc:createCall' | 'vfc:cancelCall' | 'vfc:rescheduleCall' | 'vfc:listClinicCalls' | 'vfc:resolveCall' | 'vfc:reopenCall' }
>;

/** The API call a staff message asks for. */
function staffCall(message: StaffMessage, api: ApiClient): Promise<ApiResult<unknown>> {
  switch (message.type) {
    case 'vfc:getClinic':
      return api.getClinic();
    case 'vfc:listCalls':
      return api.listCalls(message.consultationId);
    case 'vfc:createCall':
      return api.createCall(message.body, message.idempotencyKey);
    case 'vfc:cancelCall':
      return api.cancelCall(message.callId);
    case 'vfc:rescheduleCall':
      return api.rescheduleCall(message.callId, message.scheduledFor);
    case 'vfc:listClinicCalls':
      return api.listClinicCalls(message.query);
    case 'vfc:resolveCall':
      return api.resolveCall(message.callId, message.note);
    case 'vfc:reopenCall':
      return api.reopenCall(message.callId);
  }
}

type DraftMessage = Extract<ApiMessage, { type: 'vfc:loadDraft' | 'vfc:saveDraft' | 'vfc:clearDraft' }>;

/** Loads, saves or clears a dialog draft in `storage.session` (lib/draft-store.ts). */
async function handleDraftMessage(message: DraftMessage): Promise<ApiResult<unknown>> {
  if (message.type === 'vfc:loadDraft') return { ok: true, status: 200, data: await sessionDrafts.load(message.consultationId) };
  if (message.type === 'vfc:saveDraft') await sessionDrafts.save(message.consultationId, message.draft);
  else await sessionDrafts.clear(message.consultationId);
  return { ok: true, status: 200, data: null };
}

/**
 * Wires the background worker: answers our messages (returning a promise keeps the channel open) after checking
 * who sent them (`refuseSender`), keeps `storage.session` — access token, dialog drafts — closed to content
 * scripts (trusted contexts only, set again at each start), opens the side panel from the toolbar icon, and keeps the badge fresh: a `chrome.alarms` alarm every 5 minutes (created
 * once — re-creating it at each worker start would push it back forever), at browser start and install, and on
 * `vfc:refreshFollowUps`.
 */
export function registerBackground(given: BackgroundDeps = {}): void {
  const deps: BackgroundDeps = { signIn: createSignInService({ ...given.signInDeps, fetch: given.fetch, production: given.production }), ...given };
  const refreshBadge = serialized(() => refreshBadgeNow(deps));
  const withRefresh: BackgroundDeps = { refreshBadge, ...deps };
  browser.runtime.onMessage.addListener((message: unknown, sender?: MessageSenderLike) => {
    if (!isApiMessage(message)) return undefined;
    const refused = refuseSender(message, sender);
    if (refused) return Promise.resolve(refused);
    if (message.type === 'vfc:openFollowUps') return openFollowUps(sender?.tab?.id, withRefresh);
    return handleApiMessage(message, withRefresh);
  });
  void defaultSidePanelBehavior(deps);
  void browser.alarms
    .get(FOLLOW_UPS_ALARM)
    .then(async (alarm) => {
      if (!alarm) await browser.alarms.create(FOLLOW_UPS_ALARM, { periodInMinutes: FOLLOW_UPS_ALARM_MINUTES, delayInMinutes: 1 });
    })
    .catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UPS_ALARM) void refreshBadge();
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge());
  browser.runtime.onInstalled.addListener(() => void refreshBadge());
  const session = browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined;
  void session?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
}

/** The toolbar icon opens the side panel (the connection status and options link live at its top). */
async function defaultSidePanelBehavior(deps: BackgroundDeps): Promise<void> {
  await (deps.sidePanel ?? defaultSidePanel())?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
}
