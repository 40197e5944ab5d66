import { mkdir } from 'node:fs/promises';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { ARTIFACTS_DIR, launchExtensionBrowser, type ExtensionBrowser } from './browser.js';

/** What every end-to-end test file runs against: the local stack and Chromium with the built (e2e) extension. */
export interface E2eWorld {
  stack: LocalStack;
  browser: ExtensionBrowser;
}

/**
 * Starts the local stack (free ports for the API and the fake Neo) and Chromium with the extension, side by side, and
 * makes sure the screenshot folder ({@link ARTIFACTS_DIR}) exists.
 */
export async function startE2eWorld(): Promise<E2eWorld> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const [stack, browser] = await Promise.all([startLocalStack({ port: 0, neoPort: 0 }), launchExtensionBrowser()]);
  return { stack, browser };
}

/** Closes the browser, then stops the stack; either may be missing when the start failed part-way. */
export async function stopE2eWorld(world: Partial<E2eWorld>): Promise<void> {
  await world.browser?.close();
  await world.stack?.stop();
}
