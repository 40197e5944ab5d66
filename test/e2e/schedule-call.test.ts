import path from 'node:path';
import type { LocalStack } from '@vfc/backend/local/stack';
import { OUTCOMES } from '@vfc/backend/local/retell-simulator/scripted-outcomes';
import { findFakeConsultation } from '@vfc/backend/local/fake-neo/fixtures';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, type ExtensionBrowser } from '../support/browser.js';
import { startE2eWorld, stopE2eWorld } from '../support/e2e-world.js';
import { secondsAheadInput } from '../support/clinic-clock.js';
import { apiClient } from '../support/api.js';

/**
 * The whole product from the staff's side: the real extension build in Chromium, on the fake Neo origin, against
 * the local stack (API + DynamoDB Local + Scheduler emulator + Retell simulator). Nothing of ours is mocked.
 */
let stack: LocalStack;
let browser: ExtensionBrowser;
let clinic: { name: string; timezone: string };

beforeAll(async () => {
  ({ stack, browser } = await startE2eWorld());
  clinic = (await apiClient(() => stack.apiUrl, () => stack.staffToken)('/clinic')).json as typeof clinic;
});

afterAll(() => stopE2eWorld({ stack, browser }));

async function configure(page: Page, token: string): Promise<string> {
  await page.goto(browser.extensionUrl('options.html'));
  await page.locator('#vfc-api-url').fill(stack.apiUrl);
  await page.locator('#vfc-api-token').fill(token);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByTestId('connection-result').locator('p');
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

/** Opens the dialog from the panel (in the open shadow root; Playwright's locators pierce it). */
async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Schedule call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a follow-up call' });
  await dialog.waitFor();
  return dialog;
}

async function scheduleAndAwaitCompletion(page: Page, petName: string, screenshotPrefix: string) {
  const dialog = page.getByRole('dialog');
  await page.locator('#vfc-scheduledFor').fill(secondsAheadInput(6, clinic.timezone));
  await dialog.screenshot({ path: path.join(ARTIFACTS_DIR, `${screenshotPrefix}-dialog.png`) });
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await page.getByTestId('panel-notice').waitFor();
  expect(await page.getByTestId('panel-notice').textContent()).toMatch(/^Call scheduled for /);
  await dialog.waitFor({ state: 'detached' });

  const item = page.locator('li.vfc-call').filter({ hasText: petName }).first();
  await item.locator('[data-testid=call-status]', { hasText: 'Completed' }).waitFor({ timeout: 60_000 });
  expect(await item.getByTestId('call-summary').textContent()).toBe(OUTCOMES.answered.summary(petName));
  expect(await item.textContent()).toContain('Sentiment: Positive');
  await page.locator('section.vfc-panel').screenshot({ path: path.join(ARTIFACTS_DIR, `${screenshotPrefix}-completed.png`) });
}

describe('Schedule call from an IDEXX Neo consultation', () => {
  it('configures the extension, schedules a call with pre-filled fields and shows it completed', async () => {
    const page = await browser.context.newPage();
    expect(await configure(page, stack.staffToken)).toContain(`Connected to ${clinic.name}`);

    // The toolbar icon opens the side panel, whose top says whether the connection works.
    const panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl('sidepanel.html'));
    await panel.getByText(`Connected to ${clinic.name}`).waitFor();
    await panel.close();

    const fixture = findFakeConsultation('310382')!;
    await page.goto(`${stack.neoUrl}/consultations/view/310382`);
    const dialog = await openDialog(page);
    expect(await page.locator('#vfc-ownerName').inputValue()).toBe(fixture.expected.ownerName);
    expect(await page.locator('#vfc-phoneNumber').inputValue()).toBe(fixture.expected.phone);
    expect(await page.locator('#vfc-petName').inputValue()).toBe('Bella');
    expect(await page.locator('#vfc-vetName').inputValue()).toBe('Dr. Sam Rivera');
    expect(await page.locator('#vfc-dischargeSummary').inputValue()).toBe(
      'Bella had a dental cleaning and one tooth removed. Soft food for 3 days; Carprofen once daily with food.',
    );
    expect(await dialog.textContent()).toContain(`clinic time, ${clinic.timezone}`);
    expect(await dialog.getByTestId('demo-mode').isVisible()).toBe(true);

    // Inline validation from the shared schema before anything is sent.
    await page.locator('#vfc-phoneNumber').fill('555');
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.locator('#vfc-phoneNumber-error').waitFor();
    expect(await page.locator('#vfc-scheduledFor-error').textContent()).toContain('is required');
    await page.locator('#vfc-phoneNumber').fill(fixture.expected.phone);

    await scheduleAndAwaitCompletion(page, 'Bella', 'consultation-310382');
    await page.close();
  });

  it('follows in-page navigation and takes the phone from the client page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.neoUrl}/consultations/view/310382`);
    await page.locator('li.vfc-call').first().waitFor();

    // Neo-style navigation without a reload: the panel remounts for the new consultation.
    await page.evaluate(() => ((window as unknown as { navMarker: number }).navMarker = 1));
    await page.getByRole('link', { name: 'Milo (#310383)' }).click();
    await page.getByText('No follow-up calls for this consultation yet.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { navMarker?: number }).navMarker)).toBe(1);

    await openDialog(page);
    expect(await page.locator('#vfc-petName').inputValue()).toBe('Milo');
    expect(await page.locator('#vfc-ownerName').inputValue()).toBe('Tom Baker');
    expect(await page.locator('#vfc-phoneNumber').inputValue()).toBe(findFakeConsultation('310383')!.expected.phone);

    // An unsent draft survives Esc and a page refresh (browser.storage.session, per consultation).
    await page.locator('#vfc-notes').fill('Ask whether Milo is eating.');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.reload();
    await openDialog(page);
    expect(await page.locator('#vfc-notes').inputValue()).toBe('Ask whether Milo is eating.');
    expect(await page.locator('#vfc-phoneNumber').inputValue()).toBe(findFakeConsultation('310383')!.expected.phone);
    await scheduleAndAwaitCompletion(page, 'Milo', 'consultation-310383');

    // Leaving consultation pages unmounts the panel.
    await page.getByRole('link', { name: 'Appointments' }).click();
    await page.locator('section.vfc-panel').waitFor({ state: 'detached' });
    await page.close();
  });

  it('says clearly when the API token is wrong', async () => {
    const page = await browser.context.newPage();
    const message = 'The API token was refused — check it in the extension options.';
    expect(await configure(page, 'not-a-real-token')).toBe(message);
    await page.goto(`${stack.neoUrl}/consultations/view/310384`);
    await page.getByTestId('panel-error').waitFor();
    expect(await page.getByTestId('panel-error').textContent()).toBe(message);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'wrong-token.png') });
    await page.close();
  });
});
