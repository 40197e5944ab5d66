import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withAdminBackground } from '../../test-support/test-server';
import { TEST_SETTINGS, testAgent, testAudit, testSyncReport } from './admin-fixtures';
import { AgentsSection, describeCleanup, healthBand } from './AgentsSection';

describe('AgentsSection', () => {
  it('shows badges, the duplicate flag, last sync in clinic time, the health score; Sync now refreshes table and score', async () => {
    let synced = false;
    const agents = () =>
      synced
        ? [testAgent(), testAgent({ agentId: 'agent_new', agentName: 'New follow-up', lastSyncedAt: '2026-11-24T16:00:00.000Z' })]
        : [
            testAgent(),
            testAgent({ agentId: 'agent_old', agentName: 'Demo follow-up', syncStatus: 'orphaned', voiceId: undefined, statusReason: 'Deleted in Retell', duplicateOf: 'agent_demo' }),
            testAgent({ agentId: 'agent_chat', agentName: 'Chat bot', syncStatus: 'skipped', voiceId: undefined, statusReason: 'Chat agent (no voice)' }),
          ];
    const server = await withAdminBackground((r) => {
      if (r.url.endsWith('/agents') && r.method === 'GET') return { status: 200, body: { items: agents() } };
      if (r.url.endsWith('/agents/audit')) return { status: 200, body: synced ? testAudit(100) : testAudit(80, ['Run a sync: 1 agent in Retell is missing from the registry.']) };
      if (r.url.endsWith('/clinic/settings')) return { status: 200, body: TEST_SETTINGS };
      if (r.url.endsWith('/agents/sync')) {
        synced = true;
        return { status: 200, body: testSyncReport(1) };
      }
      return undefined;
    });
    render(<AgentsSection />);
    const table = await screen.findByRole('table', { name: 'Voice agents' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByTestId('agent-status').textContent)).toEqual(['Active', 'Orphaned', 'Skipped']);
    expect(within(rows[1]!).getByTestId('agent-duplicate').textContent).toBe('Duplicate');
    expect(rows[0]!.textContent).toContain('Tue 24 Nov 2026, 10:00:00 EST');
    expect(within(table).getByRole('columnheader', { name: 'Last sync (America/New_York)' })).toBeTruthy();
    expect(screen.getByTestId('health-score').textContent).toBe('80');
    expect(screen.getByTestId('recommendations').textContent).toContain('Run a sync');
    expect(server.requests.every((r) => r.headers['authorization'] === 'Bearer admin-token')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((screen.getByRole('button', { name: 'Syncing…' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByText(/Sync finished: 2 agents in Retell — 1 new/);
    await waitFor(() => expect(screen.getByTestId('health-score').textContent).toBe('100'));
    expect(screen.getByText('New follow-up')).toBeTruthy();
    expect(screen.getByText('No recommendations: the registry matches Retell.')).toBeTruthy();
  });

  it('cleans up orphaned agents after a confirmation and says which were removed', async () => {
    let cleaned = false;
    const server = await withAdminBackground((r) => {
      if (r.url.endsWith('/agents') && r.method === 'GET') {
        return { status: 200, body: { items: cleaned ? [testAgent()] : [testAgent(), testAgent({ agentId: 'agent_gone', agentName: 'Gone', syncStatus: 'orphaned' })] } };
      }
      if (r.url.endsWith('/agents/audit')) return { status: 200, body: testAudit(90) };
      if (r.url.endsWith('/clinic/settings')) return { status: 200, body: TEST_SETTINGS };
      if (r.url.endsWith('/agents/cleanup-orphaned')) {
        cleaned = true;
        return { status: 200, body: { removed: [{ agentId: 'agent_gone', agentName: 'Gone', reason: 'orphaned 9 days ago' }], kept: [] } };
      }
      return undefined;
    });
    render(<AgentsSection />);
    await screen.findByRole('table', { name: 'Voice agents' });
    fireEvent.click(screen.getByRole('button', { name: 'Clean up orphaned' }));
    expect(screen.getByRole('group', { name: 'Confirm clean-up' }).textContent).toContain('older than 7 days');
    expect(server.requests.some((r) => r.url.endsWith('/cleanup-orphaned'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Remove them' }));
    expect((screen.getByRole('button', { name: 'Removing…' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByText('Removed 1: Gone (agent_gone).');
    await waitFor(() => expect(screen.queryByText('Gone')).toBeNull());
    expect((screen.getByRole('button', { name: 'Clean up orphaned' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the failure and a retry when the registry cannot be read', async () => {
    await withAdminBackground((r) => (r.url.endsWith('/agents') ? { status: 403, body: { error: 'forbidden', message: 'This action needs an admin token.' } } : undefined));
    render(<AgentsSection />);
    expect((await screen.findByTestId('agents-error')).textContent).toBe('This API token is not allowed to do that — check it in the extension options.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('helpers', () => {
  it('describes a clean-up with kept orphans and bands the score like the alarm (below 70 is poor)', () => {
    expect(describeCleanup({ removed: [], kept: [{ agentId: 'a', agentName: 'A', reason: 'orphaned 2 days ago' }] })).toBe(
      'No orphaned agent was old enough to remove. Kept: A (orphaned 2 days ago).',
    );
    expect([95, 70, 69].map(healthBand)).toEqual(['good', 'fair', 'poor']);
  });
});
