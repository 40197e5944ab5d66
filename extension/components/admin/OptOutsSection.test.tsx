import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withAdminBackground } from '../../test-support/test-server';
import { TEST_SETTINGS } from './admin-fixtures';
import { OptOutsSection } from './OptOutsSection';

describe('OptOutsSection', () => {
  it('lists, adds (E.164, says which calls were cancelled) and removes after confirming (URL-encoded path)', async () => {
    const list: Record<string, string>[] = [{ phoneNumber: '+14155550123', reason: 'Asked during the call not to be called again', createdAt: '2026-11-24T15:00:00.000Z', source: 'call', callId: 'c1' }];
    const server = await withAdminBackground((r) => {
      if (r.url.endsWith('/clinic/settings')) return { status: 200, body: TEST_SETTINGS };
      if (r.url.endsWith('/clinic/opt-outs') && r.method === 'GET') return { status: 200, body: { items: list } };
      if (r.method === 'POST') {
        const entry = { phoneNumber: '+14155550188', reason: 'Owner called the front desk', createdAt: '2026-11-24T16:00:00.000Z', source: 'staff' };
        list.push(entry);
        return { status: 201, body: { ...entry, cancelledCallIds: ['call-9'] } };
      }
      if (r.method === 'DELETE') {
        list.splice(0, 1);
        return { status: 204 };
      }
      return undefined;
    });
    render(<OptOutsSection />);
    const table = await screen.findByRole('table', { name: 'Do-not-call list' });
    expect(within(table).getByRole('row', { name: /\+14155550123/ }).textContent).toContain('(asked during a call)');
    expect(table.textContent).toContain('Tue 24 Nov 2026, 10:00:00 EST');

    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '555' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to do-not-call list' }));
    await screen.findByText(/Phone number: "555" is not a valid phone number/);
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '(415) 555-0188' } });
    fireEvent.change(screen.getByLabelText('Reason (optional)'), { target: { value: 'Owner called the front desk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to do-not-call list' }));
    await screen.findByText('Added +14155550188. Cancelled 1 scheduled call to it.');
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({ phoneNumber: '+14155550188', reason: 'Owner called the front desk' });
    await screen.findByRole('row', { name: /\+14155550188/ });

    fireEvent.click(screen.getByRole('button', { name: 'Remove +14155550123' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm removing +14155550123' })).getByRole('button', { name: 'Allow calls again' }));
    await screen.findByText('Removed +14155550123: calls to it are allowed again.');
    expect(server.requests.find((r) => r.method === 'DELETE')?.url).toBe('https://api.test/clinic/opt-outs/%2B14155550123');
    await waitFor(() => expect(screen.queryByRole('row', { name: /\+14155550123/ })).toBeNull());
  });

  it('shows an empty list and a removal the server refuses', async () => {
    await withAdminBackground((r) => {
      if (r.url.endsWith('/clinic/settings')) return { status: 200, body: TEST_SETTINGS };
      if (r.url.endsWith('/clinic/opt-outs')) return { status: 200, body: { items: [] } };
      return undefined;
    });
    render(<OptOutsSection />);
    await screen.findByText('No numbers on the do-not-call list.');
  });
});
