import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from './test-support/i18n-messages';
import { sendMessagesAs, TEST_SENDERS } from './test-support/test-sender';

// Times follow the browser's locale (lib/clinic-time.ts): component tests read them as a 24-hour (en-GB) browser.
if (typeof navigator !== 'undefined') Object.defineProperty(navigator, 'language', { configurable: true, get: () => 'en-GB' });

// The fake browser has no i18n: answer from the English messages, as Chrome would for an English browser.
const getMessage = getMessageFrom(await chromeMessages('en'));

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
  // Messages come from the options page unless a test says otherwise (the worker checks who sent them).
  sendMessagesAs(TEST_SENDERS.options);
});

afterEach(async () => {
  // React Testing Library cleans up after itself when globals are on; we import it explicitly, so unmount here.
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
