import path from 'node:path';
import type { LocalStack } from '@vfc/backend/local/stack';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, openAdminOptions, type ExtensionBrowser } from '../support/browser.js';
import { startE2eWorld, stopE2eWorld } from '../support/e2e-world.js';

/**
 * The admin "Knowledge" section of the real extension build in Chromium, against the local stack (API + DynamoDB
 * Local + the Retell simulator's knowledge bases): a text added in the options page is synced and becomes ready.
 */
let stack: LocalStack;
let browser: ExtensionBrowser;

beforeAll(async () => {
  ({ stack, browser } = await startE2eWorld());
});

afterAll(() => stopE2eWorld({ stack, browser }));

/** Options page with the API URL, the staff token and the admin token saved. */
const openOptions = (): Promise<Page> => openAdminOptions(browser, stack);

const knowledgeSection = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: 'Knowledge (admin)' }) });

describe('Knowledge section in the browser', () => {
  it('adds a text source in the options page and shows it ready once the sync indexed it', async () => {
    const page = await openOptions();
    const section = knowledgeSection(page);
    await section.getByTestId('knowledge-count').waitFor();
    await section.getByLabel(/^Title/).fill('Saturday hours');
    await section.getByLabel(/^Text/).fill('The clinic is open from 9 to 12 on Saturdays.');
    await section.getByRole('button', { name: 'Add text' }).click();
    const row = section.locator('li', { hasText: 'Saturday hours' });
    await row.waitFor();
    // The poller reads the list again while the source is pending/syncing; the simulator indexes it on its next reads.
    await row.getByTestId('knowledge-status').getByText('Ready', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await section.getByTestId('knowledge-summary').locator('[data-row="base"] dd').textContent()).not.toBe(
      'Not created yet (the first sync creates it)',
    );
    await section.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-knowledge.png') });
  });
});
