import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { LocalStack } from '@vfc/backend/local/stack';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchExtensionBrowser, type ExtensionBrowser } from '../support/browser.js';
import { startE2eWorld, stopE2eWorld } from '../support/e2e-world.js';

/**
 * Accessibility of the real extension build in Chromium, on the fake Neo origin against the local stack: an axe-core
 * scan (WCAG 2.0–2.2 A/AA rules) of the consultation panel, the Schedule-call dialog, the options page and the side
 * panel finds no serious or critical violation; the panel collapses to a tab and opens again; the dialog is a native
 * modal that Esc closes, giving focus back to the Schedule call button.
 */
let stack: LocalStack;
let browser: ExtensionBrowser;

beforeAll(async () => {
  ({ stack, browser } = await startE2eWorld());
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await page.locator('#vfc-api-url').fill(stack.apiUrl);
  await page.locator('#vfc-api-token').fill(stack.staffToken);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
  await page.close();
});

afterAll(() => stopE2eWorld({ stack, browser }));

/** Serious and critical axe violations inside `include` (a CSS selector; axe follows open shadow roots). */
async function seriousViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

const activeElementName = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent ?? null;
  });

describe('Accessibility of the extension in the browser', () => {
  it('panel: no serious violation; collapses to a tab that is remembered, and opens again', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.neoUrl}/consultations/view/310382`);
    const panel = page.getByRole('region', { name: 'Follow-up calls' });
    await panel.getByRole('button', { name: 'Schedule call', exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('vfc-followup-calls')?.shadowRoot?.querySelector('button.vfc-primary[disabled]'));
    expect(await seriousViolations(page, 'vfc-followup-calls')).toEqual([]);
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'a11y-panel.png') });

    await page.getByRole('button', { name: 'Hide follow-up calls' }).click();
    const tab = page.getByRole('button', { name: /^Follow-up calls/ });
    await tab.waitFor();
    expect(await tab.getAttribute('aria-expanded')).toBe('false');
    expect(await seriousViolations(page, 'vfc-followup-calls')).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'a11y-panel-collapsed.png') });

    // Remembered: another Neo page starts with the tab.
    await page.reload();
    await tab.waitFor();
    expect(await panel.count()).toBe(0);
    await tab.click();
    await panel.waitFor();
    await page.close();
  });

  it('dialog: no serious violation; a native modal that Esc closes, focus back on Schedule call', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.neoUrl}/consultations/view/310383`);
    const open = page.getByRole('button', { name: 'Schedule call', exact: true });
    await page.waitForFunction(() => !document.querySelector('vfc-followup-calls')?.shadowRoot?.querySelector('button.vfc-primary[disabled]'));
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Schedule a follow-up call' });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.tagName === 'DIALOG' && (el as HTMLDialogElement).open && el.matches(':modal'))).toBe(true);
    expect(await seriousViolations(page, 'vfc-followup-calls')).toEqual([]);
    await dialog.screenshot({ path: path.join(ARTIFACTS_DIR, 'a11y-dialog.png') });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => activeElementName(page)).toBe('Schedule call');
    await page.close();
  });

  it('options page and side panel: no serious violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await page.getByRole('heading', { name: 'Connection' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'a11y-options.png'), fullPage: true });

    // An admin sees the admin sections too (they appear once the admin token is saved and recognised).
    await page.locator('#vfc-api-admin-token').fill(stack.adminToken);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Calling hours (admin)' }).waitFor();
    await page.getByRole('heading', { name: 'Voice agents (admin)' }).waitFor();
    await page.getByTestId('voice-summary').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'a11y-options-admin.png'), fullPage: true });

    await page.goto(browser.extensionUrl('sidepanel.html'));
    await page.getByText(/Connected to/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'a11y-sidepanel.png'), fullPage: true });

    await page.goto(browser.extensionUrl('privacy.html'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('The extension in Spanish', () => {
  let spanish: ExtensionBrowser;
  beforeAll(async () => {
    spanish = await launchExtensionBrowser(undefined, { language: 'es' });
    const page = await spanish.context.newPage();
    await page.goto(spanish.extensionUrl('options.html'));
    await page.getByRole('heading', { name: 'Vet Follow-up Calls — opciones' }).waitFor();
    await page.locator('#vfc-api-url').fill(stack.apiUrl);
    await page.locator('#vfc-api-token').fill(stack.staffToken);
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByText('Guardado.').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'es-options.png'), fullPage: true });
    await page.close();
  });
  afterAll(() => spanish?.close());

  it('shows the panel and the dialog in Spanish with no serious violation', async () => {
    const page = await spanish.context.newPage();
    await page.goto(`${stack.neoUrl}/consultations/view/310382`);
    await page.getByRole('region', { name: 'Llamadas de seguimiento' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('vfc-followup-calls')?.shadowRoot?.querySelector('button.vfc-primary[disabled]'));
    await page.getByRole('button', { name: 'Programar llamada', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Programar una llamada de seguimiento' });
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Llamar el \(hora de la clínica, /).count()).toBe(1);
    expect(await seriousViolations(page, 'vfc-followup-calls')).toEqual([]);
    await dialog.screenshot({ path: path.join(ARTIFACTS_DIR, 'es-dialog.png') });
    await page.keyboard.press('Escape');
    await page.locator('section.vfc-panel').screenshot({ path: path.join(ARTIFACTS_DIR, 'es-panel.png') });
    await page.close();
  });

  it('shows the Follow-ups side panel heading, connection line and filters in Spanish', async () => {
    const page = await spanish.context.newPage();
    await page.goto(spanish.extensionUrl('sidepanel.html'));
    await page.getByRole('heading', { level: 1, name: 'Seguimientos' }).waitFor();
    // The filters and the period appear once the clinic is read (the connection line says so).
    await page.getByText(/^Conectado a /).waitFor();
    expect(await page.getByLabel('Período', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Requieren atención', exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'es-sidepanel.png'), fullPage: true });
    await page.close();
  });
});
