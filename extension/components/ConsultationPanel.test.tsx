import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { panelCollapsedItem } from '../lib/panel-state';
import { ConsultationPanel } from './ConsultationPanel';
import { TEST_CLINIC, testCall, withBackground } from '../test-support/test-server';

const read = async () => ({
  draft: { consultationId: '310382', ownerName: 'Jane Doe', petName: 'Bella', phoneNumber: '(415) 555-0123', vetName: '', dischargeSummary: '', notes: '' },
  phoneSource: 'page-data' as const,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ConsultationPanel', () => {
  it('shows the status moving live (every 4 s), stops once all are final, and re-counts the badge when the call ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date('2026-11-24T15:00:00.000Z') });
    const statuses = ['dialing', 'in_progress', 'completed'] as const;
    let listed = 0;
    const server = await withBackground(
      (r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined),
      (r) => (r.url.includes('attention=') ? { status: 200, body: { items: [] } } : undefined),
      (r) => (r.url.includes('/calls?') ? { status: 200, body: { items: [testCall({ status: statuses[Math.min(listed++, 2)]! })] } } : undefined),
    );
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    await screen.findByText('Dialing');
    await vi.advanceTimersByTimeAsync(4000);
    await screen.findByText('In progress');
    await vi.advanceTimersByTimeAsync(4000);
    await screen.findByText('Completed');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(server.requests.filter((r) => r.url.includes('consultationId='))).toHaveLength(3);
    expect(server.requests.filter((r) => r.url.includes('attention='))).toHaveLength(1);
    expect(screen.getByText('Demo mode')).toBeTruthy();
  });

  it('"All follow-ups" asks the background to open the side panel (a tab where Chrome has none)', async () => {
    await withBackground(
      (r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined),
      (r) => (r.url.includes('/calls?') ? { status: 200, body: { items: [] } } : undefined),
    );
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    fireEvent.click(await screen.findByRole('button', { name: 'All follow-ups' }));
    await waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain('chrome-extension://test-extension-id/sidepanel.html'));
  });

  it('shows the reason when the server moved the call', async () => {
    await withBackground(
      (r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined),
      (r) => (r.url.includes('/calls?') ? { status: 200, body: { items: [] } } : undefined),
      (r) =>
        r.method === 'POST'
          ? { status: 201, body: testCall({ requestedFor: '2026-11-24T02:00:00.000Z', statusReason: 'Moved to the clinic\'s next calling hours.' }) }
          : undefined,
    );
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    const open = await screen.findByRole('button', { name: 'Schedule call' });
    await waitFor(() => expect((open as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(open);
    await screen.findByRole('dialog');
    fireEvent.change(screen.getByLabelText(/Call at/), { target: { value: '2099-11-23T21:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    const notice = await screen.findByTestId('panel-notice');
    expect(notice.textContent).toBe("Call scheduled for Tue 24 Nov 2026, 10:00:00 EST. Moved to the clinic's next calling hours.");
  });

  it('explains a refused token', async () => {
    await withBackground(() => ({ status: 403, body: { message: 'Forbidden' } }));
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    expect((await screen.findByTestId('panel-error')).textContent).toBe('The API token was refused — check it in the extension options.');
  });

  it('collapses to a small tab, remembers it, and opens again with focus kept on the toggle', async () => {
    await withBackground(
      (r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined),
      (r) => (r.url.includes('/calls?') ? { status: 200, body: { items: [] } } : undefined),
    );
    const first = render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Hide follow-up calls' }));
    const tab = await screen.findByRole('button', { name: /^Follow-up calls/ });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Follow-up calls' })).toBeNull();
    await waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(true));
    await waitFor(() => expect(document.activeElement).toBe(tab));

    // Another consultation page starts collapsed.
    first.unmount();
    render(<ConsultationPanel consultationId="310383" origin="https://us.idexxneo.com" read={read} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Follow-up calls/ }));
    expect(await screen.findByRole('region', { name: 'Follow-up calls' })).toBeTruthy();
    await waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(false));
  });
});
