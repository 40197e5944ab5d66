import path from 'node:path';
import type { LocalStack } from '@vfc/backend/local/stack';
import { DEV_EXTENSION_ID } from '@vfc/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, type ExtensionBrowser } from '../support/browser.js';
import { startE2eWorld, stopE2eWorld } from '../support/e2e-world.js';
import { secondsAheadInput } from '../support/clinic-clock.js';
import { apiClient } from '../support/api.js';

/**
 * Staff sign-in end to end: the real e2e extension build in Chromium signs people in through the local identity
 * provider's sign-in page (`identity.launchWebAuthFlow` opens it in a window of its own, driven here as a page of the
 * browser), then uses the API with the person's own access token. The local stack and its provider are the ones
 * `pnpm start` runs; nothing of ours is mocked.
 */
let stack: LocalStack;
let browser: ExtensionBrowser;
let timeZone: string;

beforeAll(async () => {
  ({ stack, browser } = await startE2eWorld());
  timeZone = ((await apiClient(() => stack.apiUrl, () => stack.staffToken)('/clinic')).json as { timezone: string }).timezone;
});

afterAll(() => stopE2eWorld({ stack, browser }));

/** The options page with the API URL (no clinic token) and the local provider's issuer and client id saved. */
async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await page.locator('#vfc-api-url').fill(stack.apiUrl);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
  await page.locator('#vfc-sign-in-issuer').fill(stack.identityProvider.issuer);
  await page.locator('#vfc-sign-in-client').fill(stack.identityProvider.clientId);
  await page.getByRole('button', { name: 'Save sign-in settings' }).click();
  await page.getByText('Sign-in settings saved.').waitFor();
  // Whoever an earlier test left signed in in this browser signs out first.
  const status = page.getByTestId('sign-in');
  const signOut = status.getByRole('button', { name: 'Sign out' });
  await status.getByRole('button', { name: /^Sign (in|out)$/ }).waitFor();
  if (await signOut.isVisible()) {
    await signOut.click();
    await status.getByText('Not signed in.').waitFor();
  }
  return page;
}

/**
 * Clicks "Sign in" on `page`, fills the provider's sign-in page in the window `launchWebAuthFlow` opened, and waits
 * for "Signed in as …" on `page`.
 */
async function signIn(page: Page, email: string, screenshot: string): Promise<string> {
  const signInWindow = browser.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(stack.identityProvider.issuer), timeout: 15_000 });
  await page.getByTestId('sign-in').getByRole('button', { name: 'Sign in', exact: true }).click();
  const provider = await signInWindow;
  await provider.getByLabel('Email').fill(email);
  await provider.getByLabel('Password').fill(stack.demoPeople.password);
  await provider.screenshot({ path: path.join(ARTIFACTS_DIR, screenshot) });
  await Promise.all([provider.waitForEvent('close'), provider.getByRole('button', { name: 'Sign in' }).click()]);
  const status = page.getByTestId('sign-in').getByText(/^Signed in as /);
  await status.waitFor();
  // The status line ends with the separator before the Sign out button.
  return ((await status.textContent()) ?? '').replace(/ · $/, '');
}

const adminHeadings = (page: Page) => page.getByRole('heading', { name: /\(admin\)$/ });

describe('Staff sign-in in the browser', () => {
  it('runs the e2e build under the pinned id whose redirect the local provider allows', () => {
    expect([browser.extensionId, stack.identityProvider.redirectUris.includes(`https://${DEV_EXTENSION_ID}.chromiumapp.org/`)]).toEqual([DEV_EXTENSION_ID, true]);
  });

  it('signs a staff member in from the options page; the call they schedule shows "Scheduled by Jamie Chen"; no admin sections', async () => {
    const page = await openOptions();
    expect(await signIn(page, stack.demoPeople.staff.email, 'sign-in-provider-page.png')).toBe('Signed in as Jamie Chen (staff)');
    // Loaded again, the page decides from who is signed in (not from the clinic's admin token: none is saved).
    await page.reload();
    await page.locator('main[data-admin-access="none"]').waitFor();
    expect(await adminHeadings(page).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'sign-in-staff-options.png'), fullPage: true });

    await page.goto(`${stack.neoUrl}/consultations/view/310382`);
    await page.getByRole('button', { name: 'Schedule call', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule a follow-up call' });
    await dialog.waitFor();
    await page.locator('#vfc-scheduledFor').fill(secondsAheadInput(30, timeZone));
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const item = page.locator('li.vfc-call').filter({ hasText: 'Bella' }).first();
    const author = item.getByTestId('call-created-by');
    await author.waitFor();
    expect(await author.textContent()).toBe('Scheduled by Jamie Chen');
    await page.locator('section.vfc-panel').screenshot({ path: path.join(ARTIFACTS_DIR, 'sign-in-scheduled-by.png') });

    const panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl('sidepanel.html'));
    await panel.getByRole('button', { name: 'All', exact: true }).click();
    const row = panel.getByTestId('call-created-by').first();
    await row.waitFor();
    expect(await row.textContent()).toBe('Scheduled by Jamie Chen');
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'sign-in-side-panel.png') });
    await panel.close();

    await page.goto(browser.extensionUrl('options.html'));
    await page.getByTestId('sign-in').getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in').getByText('Not signed in.').waitFor();
    await page.close();
  });

  it('signs an admin in, who sees the admin sections', async () => {
    const page = await openOptions();
    expect(await signIn(page, stack.demoPeople.admin.email, 'sign-in-admin-provider-page.png')).toBe('Signed in as Dr. Alex Rivera (admin)');
    await page.getByRole('heading', { name: 'Voice agents (admin)' }).waitFor();
    expect(await adminHeadings(page).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'sign-in-admin-options.png'), fullPage: true });
    await page.close();
  });
});
