import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageSenderLike } from '../lib/message-sender';

const BASE = 'chrome-extension://test-extension-id';
const NEO_PAGE = 'https://us.idexxneo.com/consultations/view/310382';

/** Senders as Chrome describes them (`runtime.MessageSender`), for the fake browser's `runtime.sendMessage`. */
export const TEST_SENDERS = {
  /** The options page, opened in a tab (Chrome names the tab). */
  options: { id: 'test-extension-id', url: `${BASE}/options.html`, tab: { id: 3, url: `${BASE}/options.html` }, frameId: 0 },
  /** The side panel (no tab). */
  sidePanel: { id: 'test-extension-id', url: `${BASE}/sidepanel.html` },
  /** Our content script on a Neo consultation page. */
  contentScript: { id: 'test-extension-id', url: NEO_PAGE, tab: { id: 7, url: NEO_PAGE }, frameId: 0 },
  /** One of our pages framed inside a web page. */
  framedPage: { id: 'test-extension-id', url: `${BASE}/options.html`, tab: { id: 7, url: NEO_PAGE }, frameId: 4 },
  /** Another extension. */
  otherExtension: { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/page.html' },
} satisfies Record<string, MessageSenderLike>;

let current: MessageSenderLike = TEST_SENDERS.options;

/**
 * Makes the fake browser's `runtime.sendMessage` deliver messages as sent by `sender` (the fake's own sends an empty
 * sender). `test-setup.ts` installs it before each test with the options page as the sender.
 */
export function sendMessagesAs(sender: MessageSenderLike): void {
  current = sender;
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    const onMessage = fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean; trigger(...args: unknown[]): Promise<unknown[]> };
    if (!onMessage.hasListeners()) throw Error('No listeners available');
    const answers = await onMessage.trigger(message, current);
    return answers.find((answer) => !!answer);
  }) as typeof fakeBrowser.runtime.sendMessage;
}
