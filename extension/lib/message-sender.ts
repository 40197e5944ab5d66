import type { ApiMessage } from './messages';

/**
 * The parts of Chrome's `runtime.MessageSender` the worker reads. Chrome fills them in itself (a page cannot forge
 * them): `id` is the sending extension, `url` the sending document, `tab` the tab it lives in (absent for the side
 * panel, the popup and the worker), `frameId` its frame (0 = the tab's top document).
 */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Who sent a message:
 * - `extension_page`: one of our own pages (options, side panel, popup), with its `path` (e.g. `/options.html`);
 * - `content_script`: our content script inside a web page (the least trusted part of the extension);
 * - `foreign`: anything else (another extension, or a sender without our id).
 */
export type SenderKind = { kind: 'extension_page'; path: string } | { kind: 'content_script' } | { kind: 'foreign' };

/** Path of the options page, the only page that may send a connection of its own ("Test connection"). */
export const OPTIONS_PAGE_PATH = '/options.html';

/**
 * Classifies a message's sender. An extension page needs our id, a `url` under our own origin
 * (`extensionBaseUrl`, e.g. `chrome-extension://<id>/`), and no web page around it: when Chrome names a tab (the
 * options page opened in a tab), that tab must show our origin too (when its URL is known) and the sender must be
 * the tab's top frame — one of our pages framed inside a web page counts as a content script.
 * @param extensionBaseUrl `browser.runtime.getURL('/')` (with its trailing slash).
 */
export function classifySender(sender: MessageSenderLike | undefined, extensionId: string, extensionBaseUrl: string): SenderKind {
  if (!sender || sender.id !== extensionId) return { kind: 'foreign' };
  const ours = (url: string | undefined) => url !== undefined && url.startsWith(extensionBaseUrl);
  if (!ours(sender.url)) return { kind: 'content_script' };
  if (sender.tab) {
    if (sender.tab.url !== undefined && !ours(sender.tab.url)) return { kind: 'content_script' };
    if (sender.frameId !== undefined && sender.frameId !== 0) return { kind: 'content_script' };
  }
  const path = `/${sender.url!.slice(extensionBaseUrl.length)}`.replace(/[?#].*$/, '');
  return { kind: 'extension_page', path };
}

/**
 * The messages our content script may send (what the consultation panel and the Schedule-call dialog use): staff
 * operations on one consultation's calls, the badge, the side panel, the dialog's checks and drafts. Everything
 * else — admin operations, Neo's hours for the admin form, the clinic-wide list, resolving, sign-in — is for our
 * own pages only.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<ApiMessage['type']> = new Set<ApiMessage['type']>([
  'vfc:getClinic',
  'vfc:listCalls',
  'vfc:createCall',
  'vfc:cancelCall',
  'vfc:rescheduleCall',
  'vfc:refreshFollowUps',
  'vfc:openFollowUps',
  'vfc:checkCreateCall',
  'vfc:neoDraft',
  'vfc:loadDraft',
  'vfc:saveDraft',
  'vfc:clearDraft',
]);

/** Does the message carry a connection (API URL + token) of its own instead of using the saved one? */
const carriesConnection = (message: ApiMessage) => 'connection' in message && message.connection !== undefined;

/**
 * Why the worker must not answer `message` from `sender` (`undefined` when it may):
 * - `foreign_sender`: not from this extension;
 * - `content_script_refused`: a message our content script may not send (see {@link CONTENT_SCRIPT_MESSAGES});
 * - `connection_refused`: a connection of its own from anywhere but the options page.
 */
export function refusalFor(message: ApiMessage, sender: SenderKind): 'foreign_sender' | 'content_script_refused' | 'connection_refused' | undefined {
  if (sender.kind === 'foreign') return 'foreign_sender';
  if (sender.kind === 'content_script' && !CONTENT_SCRIPT_MESSAGES.has(message.type)) return 'content_script_refused';
  if (carriesConnection(message) && !(sender.kind === 'extension_page' && sender.path === OPTIONS_PAGE_PATH)) return 'connection_refused';
  return undefined;
}
