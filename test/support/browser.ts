import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The e2e build of the extension (`pnpm --filter @vfc/extension build:e2e`): its content script also runs on localhost. */
export const E2E_EXTENSION_DIR = fileURLToPath(new URL('../../extension/.output/chrome-mv3-e2e', import.meta.url));

/** Debian's Chromium (`apt-get install -y chromium`); Playwright cannot download browsers here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go (git-ignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's id: the host of its service worker's URL. */
  extensionId: string;
  /** `chrome-extension://<id>/<page>`. */
  extensionUrl(page: string): string;
  /** The extension's service worker now (Chrome may have restarted it since launch). */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with the built extension loaded, in a fresh profile, in English or in `language` (Debian's
 * Chromium through playwright-core, headless: no X server here). `--disable-extensions-except` overrides Playwright's `--disable-extensions`.
 */
export async function launchExtensionBrowser(extensionDir: string = E2E_EXTENSION_DIR, options: { language?: string } = {}): Promise<ExtensionBrowser> {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'vfc-e2e-profile-'));
  const language = options.language;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // A browser in another language: Chromium on Linux takes its UI language (chrome.i18n) from LANGUAGE.
    ...(language ? { locale: language, env: { ...process.env, LANGUAGE: language, LANG: `${language}.UTF-8` } } : {}),
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(language ? [`--lang=${language}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page.replace(/^\//, '')}`,
    serviceWorker: async () =>
      context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 })),
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the extension's options page in `browser` and saves the connection to the local stack with its staff and
 * admin tokens; resolves once the page says "Saved.".
 */
export async function openAdminOptions(browser: ExtensionBrowser, stack: { apiUrl: string; staffToken: string; adminToken: string }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await page.locator('#vfc-api-url').fill(stack.apiUrl);
  await page.locator('#vfc-api-token').fill(stack.staffToken);
  await page.locator('#vfc-api-admin-token').fill(stack.adminToken);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
  return page;
}
