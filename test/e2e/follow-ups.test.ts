import path from 'node:path';
import type { LocalStack } from '@vfc/backend/local/stack';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, type ExtensionBrowser } from '../support/browser.js';
import { startE2eWorld, stopE2eWorld } from '../support/e2e-world.js';
import { secondsAheadInput } from '../support/clinic-clock.js';

/**
 * The follow-up list staff live in: the real extension build in Chromium against the local stack. Three calls of
 * one consultation end differently in the Retell simulator (number ending 0108: urgent concern and a call-back
 * request; 0109: a minor concern with questions; any other: all well); the side panel lists the urgent one first,
 * the toolbar badge counts the calls that need a person, and resolving them clears it.
 */
let stack: LocalStack;
let browser: ExtensionBrowser;
let clinic: { name: string; timezone: string };

beforeAll(async () => {
  ({ stack, browser } = await startE2eWorld());
  const res = await fetch(`${stack.apiUrl}/clinic`, { headers: { authorization: `Bearer ${stack.staffToken}` } });
  clinic = (await res.json()) as typeof clinic;
});

afterAll(() => stopE2eWorld({ stack, browser }));

/** The toolbar badge's text, read in the extension's service worker. */
async function badgeText(): Promise<string> {
  const worker = await browser.serviceWorker();
  type ChromeAction = { action: { getBadgeText(details: object): Promise<string> } };
  return worker.evaluate(() => (globalThis as unknown as { chrome: ChromeAction }).chrome.action.getBadgeText({}));
}

/** Waits until the badge reads `expected` (it changes when the worker has re-counted). */
async function badgeBecomes(expected: string): Promise<void> {
  await expect.poll(badgeText, { timeout: 30_000, interval: 250 }).toBe(expected);
}

async function configure(page: Page) {
  await page.goto(browser.extensionUrl('options.html'));
  await page.locator('#vfc-api-url').fill(stack.apiUrl);
  await page.locator('#vfc-api-token').fill(stack.staffToken);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').first().waitFor();
}

/** Schedules a call to `phone` from the consultation page's dialog, a few seconds ahead. */
async function scheduleFromPanel(page: Page, phone: string) {
  await page.getByRole('button', { name: 'Schedule call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a follow-up call' });
  await dialog.waitFor();
  await page.locator('#vfc-phoneNumber').fill(phone);
  await page.locator('#vfc-scheduledFor').fill(secondsAheadInput(6, clinic.timezone));
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('Follow-ups side panel and toolbar badge', () => {
  it('lists the urgent call first, counts what needs a person on the badge, and resolving clears it', async () => {
    const page = await browser.context.newPage();
    await configure(page);
    await badgeBecomes('');

    // Three calls from one consultation, each to a number the simulator answers differently.
    await page.goto(`${stack.neoUrl}/consultations/view/310382`);
    for (const phone of ['(415) 555-0108', '(415) 555-0109', '(415) 555-0123']) await scheduleFromPanel(page, phone);
    const calls = page.locator('li.vfc-call');
    await expect.poll(() => calls.count(), { timeout: 10_000 }).toBe(3);
    // The panel sees each call end (and its analysis arrive) and has the worker re-count the badge.
    await expect
      .poll(() => page.locator('li.vfc-call [data-testid=call-summary]').count(), { timeout: 60_000, interval: 500 })
      .toBe(3);
    await badgeBecomes('2');

    // The side panel page (what the toolbar icon opens), in a tab.
    const panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl('sidepanel.html'));
    await panel.getByText(`Connected to ${clinic.name}`).waitFor();
    const rows = panel.locator('li.vfc-followup');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.nth(0).getAttribute('data-attention')).toBe('urgent');
    expect(await rows.nth(0).getByRole('list', { name: 'Reasons' }).textContent()).toBe('Urgent concernWants a call back');
    expect(await rows.nth(1).getAttribute('data-attention')).toBe('review');
    expect(await rows.nth(1).textContent()).toContain('Has questions');

    // "All" adds the call that went well, after the two that need a person.
    await panel.getByRole('button', { name: 'All', exact: true }).click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-attention')))).toEqual(['urgent', 'review', 'none']);
    await panel.getByRole('button', { name: 'Needs attention' }).click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);

    // The urgent call's details: transcript, recording, and its consultation on the clinic's Neo.
    const urgent = rows.nth(0);
    await urgent.getByRole('button', { name: /^Details/ }).click();
    expect(await urgent.getByRole('list', { name: 'Transcript' }).locator('li').count()).toBeGreaterThanOrEqual(4);
    expect(await urgent.locator('audio').getAttribute('src')).toMatch(/^https?:\/\//);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'follow-ups-side-panel.png'), fullPage: true });
    const [neoTab] = await Promise.all([
      browser.context.waitForEvent('page'),
      urgent.getByRole('button', { name: 'Open consultation' }).click(),
    ]);
    await neoTab.waitForURL(`${stack.neoUrl}/consultations/view/310382`);
    await neoTab.close();

    // Resolving the urgent call with a note takes it off the badge; resolving the other clears the badge.
    await urgent.getByRole('button', { name: 'Resolve' }).click();
    await urgent.getByLabel('Note (optional)').fill('Dr. Rivera called the owner back.');
    await urgent.getByRole('button', { name: 'Mark resolved' }).click();
    expect(await urgent.getByTestId('followup-resolution').textContent()).toMatch(/^Resolved by .+: Dr\. Rivera called the owner back\.$/);
    await badgeBecomes('1');
    const review = rows.nth(1);
    await review.getByRole('button', { name: /^Details/ }).click();
    await review.getByRole('button', { name: 'Resolve' }).click();
    await review.getByRole('button', { name: 'Mark resolved' }).click();
    await review.getByTestId('followup-resolution').waitFor();
    await badgeBecomes('');
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'follow-ups-resolved.png'), fullPage: true });

    // Under "Unresolved" nothing is left.
    await panel.getByRole('button', { name: 'Unresolved' }).click();
    await panel.getByText('No calls match.').waitFor();
    await panel.close();
    await page.close();
  });
});
