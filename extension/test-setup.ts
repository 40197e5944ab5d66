import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(async () => {
  // React Testing Library cleans up after itself when globals are on; we import it explicitly, so unmount here.
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
