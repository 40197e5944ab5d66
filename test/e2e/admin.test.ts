import path from 'node:path';
import type { LocalStack } from '@vfc/backend/local/stack';
import { FAKE_NEO_BUSINESS_HOURS } from '@vfc/backend/local/fake-neo/fixtures';
import { Call, ClinicSettings, ListOptOutsResponse } from '@vfc/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, openAdminOptions, type ExtensionBrowser } from '../support/browser.js';
import { startE2eWorld, stopE2eWorld } from '../support/e2e-world.js';
import { clinicLocalInputValue } from '../support/clinic-clock.js';
import { apiClient } from '../support/api.js';

/**
 * The admin side of the extension (calling rules, do-not-call list, voice agents, voice provider) and a reschedule from the call list: the real extension build in
 * Chromium, against the local stack (API + DynamoDB Local + Scheduler emulator + Retell simulator + fake Neo).
 * The Retell simulator is scripted between page loads; nothing of ours is mocked.
 */
let stack: LocalStack;
let browser: ExtensionBrowser;
let timeZone: string;

const api = apiClient(() => stack.apiUrl, () => stack.adminToken);

beforeAll(async () => {
  ({ stack, browser } = await startE2eWorld());
  timeZone = ClinicSettings.parse((await api('/clinic/settings')).json).timezone;
});

afterAll(() => stopE2eWorld({ stack, browser }));

/** Options page with the API URL, the staff token and the admin token saved. */
const openOptions = (): Promise<Page> => openAdminOptions(browser, stack);

const agentsSection = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: 'Voice agents (admin)' }) });
const hoursSection = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: 'Calling hours (admin)' }) });
const voiceSection = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: 'Voice provider (admin)' }) });

/** Clinic-local calendar date `days` from now, `YYYY-MM-DD`. */
function clinicDate(days: number): string {
  return clinicLocalInputValue(new Date(Date.now() + days * 86_400_000), timeZone).slice(0, 10);
}

describe('Admin options and reschedule in the browser', () => {
  it('tests the admin token, and Sync now updates the agent table and the health score', async () => {
    const page = await openOptions();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('admin-connection-result').getByText('Admin token accepted.').waitFor();

    const section = agentsSection(page);
    const demoRow = section.locator('tr[data-agent-id="agent_demo_followup"]');
    await demoRow.waitFor();
    expect(await demoRow.getByTestId('agent-status').textContent()).toBe('Active');
    expect(await section.getByTestId('health-score').textContent()).toBe('100');
    expect(await section.getByRole('columnheader', { name: `Last sync (${timeZone})` }).count()).toBe(1);

    // A new voice agent appears in Retell: the audit (live against Retell) sees the drift before any sync.
    stack.simulator!.agents.put({ agent_id: 'agent_e2e_new', agent_name: 'E2E clinic follow-up', voice_id: '11labs-Myra' });
    await page.reload();
    await demoRow.waitFor();
    expect(await section.getByTestId('health-score').textContent()).toBe('95');
    expect(await section.getByTestId('recommendations').textContent()).not.toBe('');
    expect(await section.locator('tr[data-agent-id="agent_e2e_new"]').count()).toBe(0);
    await section.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-agents-before-sync.png') });

    await section.getByRole('button', { name: 'Sync now' }).click();
    await section.getByTestId('agents-result').getByText(/Sync finished: 2 agents in Retell — 1 new/).waitFor();
    const newRow = section.locator('tr[data-agent-id="agent_e2e_new"]');
    await newRow.waitFor();
    expect(await newRow.getByTestId('agent-status').textContent()).toBe('Active');
    expect(await newRow.textContent()).toContain('11labs-Myra');
    await section.getByTestId('health-score').getByText('100', { exact: true }).waitFor();
    await section.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-agents-after-sync.png') });
    await page.close();
  });

  it('shows the voice provider section with the clinic on the platform Retell account', async () => {
    const page = await openOptions();
    const summary = voiceSection(page).getByTestId('voice-summary');
    await summary.waitFor();
    expect([await summary.locator('[data-row="provider"] dd').textContent(), await summary.locator('[data-row="account"] dd').textContent()]).toEqual([
      'Retell',
      "The platform's account",
    ]);
    await voiceSection(page).screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-voice-provider.png') });
    await page.close();
  });

  it('reschedules a call from the call list; the server moves it off a closed date and says why', async () => {
    const closed = clinicDate(3);
    expect((await api('/clinic/settings', { method: 'PUT', body: JSON.stringify({ closedDates: [closed] }) })).status).toBe(200);
    const created = await api('/calls', {
      method: 'POST',
      token: stack.staffToken,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        consultationId: '310385',
        ownerName: 'Ana Lima',
        petName: 'Rex',
        phoneNumber: '+14155550142',
        scheduledFor: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    });
    expect(created.status).toBe(201);
    const callId = Call.parse(created.json).callId;

    const page = await openOptions();
    await page.goto(`${stack.neoUrl}/consultations/view/310385`);
    const item = page.locator(`li.vfc-call[data-call-id="${callId}"]`);
    await item.getByRole('button', { name: 'Reschedule' }).click();
    const field = item.getByLabel(/New time \(clinic time/);
    await field.fill(`${closed}T10:00:05`);
    await item.getByRole('button', { name: 'Save new time' }).click();
    const notice = item.getByTestId('reschedule-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/^Rescheduled for .* Moved from .*10:00:05/);
    await page.locator('section.vfc-panel').screenshot({ path: path.join(ARTIFACTS_DIR, 'reschedule-moved.png') });

    const stored = Call.parse((await api(`/calls/${callId}`, { token: stack.staffToken })).json);
    expect(clinicLocalInputValue(new Date(stored.scheduledFor), timeZone)).toBe(`${clinicDate(4)}T00:00:00`);
    expect(stored.requestedFor).toBeDefined();
    // Reschedule and Cancel stay available for the (still scheduled) call.
    await item.getByRole('button', { name: 'Cancel' }).waitFor();
    await page.close();
    expect((await api('/clinic/settings', { method: 'PUT', body: JSON.stringify({ closedDates: [] }) })).status).toBe(200);
  });

  it("fills the weekly hours from an open Neo tab's business hours, after confirmation", async () => {
    const page = await openOptions();
    const section = hoursSection(page);
    await section.getByLabel('Clinic timezone (IANA)').waitFor();
    await section.getByRole('button', { name: 'Fill from IDEXX Neo' }).click();
    await section.getByTestId('neo-fill').getByText(/No IDEXX Neo tab is open/).waitFor();

    const neo = await browser.context.newPage();
    await neo.goto(`${stack.neoUrl}/appointments`);
    await page.bringToFront();
    await section.getByRole('button', { name: 'Fill from IDEXX Neo' }).click();
    const proposal = section.getByTestId('neo-proposal');
    await proposal.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      throw new Error(`no proposal; the section said: ${await section.getByTestId('neo-fill').textContent()}`, { cause: error });
    });
    const open = `${FAKE_NEO_BUSINESS_HOURS.start}–${FAKE_NEO_BUSINESS_HOURS.end}`;
    expect(await proposal.locator('tr[data-day="mon"] td').textContent()).toBe(open);
    expect(await proposal.locator('tr[data-day="fri"] td').textContent()).toBe(open);
    expect(await proposal.locator('tr[data-day="sun"] td').textContent()).toBe('Closed');
    await section.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-neo-hours-proposal.png') });
    await proposal.getByRole('button', { name: 'Save these hours' }).click();
    await section.getByTestId('calling-hours-result').getByText('Weekly hours saved from IDEXX Neo.').waitFor();

    const saved = ClinicSettings.parse((await api('/clinic/settings')).json);
    const interval = [{ start: FAKE_NEO_BUSINESS_HOURS.start, end: FAKE_NEO_BUSINESS_HOURS.end }];
    expect(saved.weeklyHours).toEqual({ mon: interval, tue: interval, wed: interval, thu: interval, fri: interval, sat: [], sun: [] });
    expect(await section.getByLabel('Saturday hours 1 from').count()).toBe(0);
    await neo.close();
    await page.close();
  });

  it('adds a number to the do-not-call list and removes it again', async () => {
    const page = await openOptions();
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Do-not-call list (admin)' }) });
    await section.getByText('No numbers on the do-not-call list.').waitFor();
    await section.getByLabel('Phone number').fill('(415) 555-0166');
    await section.getByLabel('Reason (optional)').fill('Owner asked at the front desk');
    await section.getByRole('button', { name: 'Add to do-not-call list' }).click();
    await section.getByText('Added +14155550166.').waitFor();
    await section.getByRole('row', { name: /\+14155550166/ }).waitFor();
    expect(ListOptOutsResponse.parse((await api('/clinic/opt-outs')).json).items.map((o) => o.phoneNumber)).toEqual(['+14155550166']);
    await section.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-do-not-call.png') });

    await section.getByRole('button', { name: 'Remove +14155550166' }).click();
    await section.getByRole('button', { name: 'Allow calls again' }).click();
    await section.getByText('No numbers on the do-not-call list.').waitFor();
    expect(ListOptOutsResponse.parse((await api('/clinic/opt-outs')).json).items).toEqual([]);
    await page.close();
  });
});
