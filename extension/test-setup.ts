import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Times follow the browser's locale (lib/clinic-time.ts): component tests read them as a 24-hour (en-GB) browser.
if (typeof navigator !== 'undefined') Object.defineProperty(navigator, 'language', { configurable: true, get: () => 'en-GB' });

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(async () => {
  // React Testing Library cleans up after itself when globals are on; we import it explicitly, so unmount here.
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
