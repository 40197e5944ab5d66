import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { registerBackground } from '../../lib/background-handler';
import { saveAdminToken, saveConnection } from '../../lib/settings';
import { scriptedFetch, type Route } from '../../test-support/test-fetch';
import { withAdminBackground, withBackground } from '../../test-support/test-server';
import { TEST_SETTINGS } from './admin-fixtures';
import { CallingHoursSection } from './CallingHoursSection';

const settingsRoute: Route = (r) => (r.method === 'GET' && r.url.endsWith('/clinic/settings') ? { status: 200, body: TEST_SETTINGS } : undefined);

async function loaded() {
  render(<CallingHoursSection />);
  await screen.findByLabelText('Clinic timezone (IANA)');
}

describe('CallingHoursSection', () => {
  it('loads the rules with the admin token and saves only the changed fields', async () => {
    const server = await withAdminBackground(settingsRoute, (r) =>
      r.method === 'PUT' ? { status: 200, body: { ...TEST_SETTINGS, ...(r.body as object) } } : undefined,
    );
    await loaded();
    expect(server.requests[0]?.headers['authorization']).toBe('Bearer admin-token');
    expect((screen.getByLabelText('Monday hours 1 to') as HTMLInputElement).value).toBe('18:00');
    fireEvent.change(screen.getByLabelText('Monday hours 1 to'), { target: { value: '17:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    fireEvent.change(screen.getByLabelText('Monday hours 2 from'), { target: { value: '19:00' } });
    fireEvent.change(screen.getByLabelText('Monday hours 2 to'), { target: { value: '20:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove closed date 2026-12-25' }));
    fireEvent.change(screen.getByLabelText('When the call reaches voicemail'), { target: { value: 'retry' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save calling rules' }));
    await screen.findByText('Calling rules saved.');
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put).toMatchObject({ url: 'https://api.test/clinic/settings' });
    expect(put?.body).toEqual({
      weeklyHours: {
        ...TEST_SETTINGS.weeklyHours,
        mon: [
          { start: '08:00', end: '17:00' },
          { start: '19:00', end: '20:30' },
        ],
      },
      closedDates: [],
      voicemailPolicy: 'retry',
    });
  });

  it("checks with the API's schema first, then shows the server's 400 issues beside the fields by path", async () => {
    const server = await withAdminBackground(settingsRoute, (r) =>
      r.method === 'PUT'
        ? { status: 400, body: { error: 'validation_error', message: 'Invalid request', issues: [{ path: 'weeklyHours.tue.0.end', message: 'overlaps the next interval' }] } }
        : undefined,
    );
    await loaded();
    fireEvent.change(screen.getByLabelText('Clinic timezone (IANA)'), { target: { value: 'Mars/Olympus' } });
    expect(screen.getByText('Clinic timezone: must be an IANA timezone such as America/New_York')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Most automated calls per number/), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save calling rules' }));
    await screen.findByText('Some fields need fixing (see below each one).');
    expect(screen.getByText(/Most calls per number: /)).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Clinic timezone (IANA)'), { target: { value: 'America/Chicago' } });
    fireEvent.change(screen.getByLabelText(/Most automated calls per number/), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Tuesday hours 1 to'), { target: { value: '19:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save calling rules' }));
    expect((await screen.findByTestId('hours-error-tue')).textContent).toBe('Tuesday: overlaps the next interval');
    expect(screen.getByLabelText('Tuesday hours 1 to').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('calling-hours-result').textContent).toBe('Invalid request');
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      timezone: 'America/Chicago',
      weeklyHours: { ...TEST_SETTINGS.weeklyHours, tue: [{ start: '08:00', end: '19:00' }] },
      maxCallsPer30Days: 2,
    });
  });

  it('fills the weekly hours from an open Neo tab, shows them for confirmation, then saves them', async () => {
    const neoBody = { businessHours: { start: '08:00', end: '18:00', daysOfWeek: [1, 2, 3, 4, 5] } };
    const api = scriptedFetch(settingsRoute, (r) => (r.method === 'PUT' ? { status: 200, body: { ...TEST_SETTINGS, ...(r.body as object) } } : undefined));
    const neo = scriptedFetch((r) => (r.url === 'https://us.idexxneo.com/schedule/getScheduleConfigs' ? { status: 200, body: neoBody } : undefined));
    const { fetchNeoScheduleConfigs } = await import('../../lib/neo-schedule');
    registerBackground({
      fetch: api.fetch,
      neoTabs: {
        patterns: ['https://*.idexxneo.com/*'],
        queryTabs: async () => [{ id: 3, active: true }],
        // What the content script of that tab does (entrypoints/neo.content): fetch same-origin with the session.
        sendToTab: async () => fetchNeoScheduleConfigs('https://us.idexxneo.com', neo.fetch),
      },
    });
    await saveConnection({ baseUrl: 'https://api.test', token: 'staff-token' });
    await saveAdminToken('admin-token');
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Fill from IDEXX Neo' }));
    const proposal = await screen.findByTestId('neo-proposal');
    expect(within(proposal).getByRole('row', { name: /Wednesday/ }).textContent).toBe('Wednesday08:00–18:00');
    expect(within(proposal).getByRole('row', { name: /Saturday/ }).textContent).toBe('SaturdayClosed');
    expect(proposal.textContent).toContain('read as clinic time (America/New_York)');
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    fireEvent.click(within(proposal).getByRole('button', { name: 'Save these hours' }));
    await screen.findByText('Weekly hours saved from IDEXX Neo.');
    const weekday = [{ start: '08:00', end: '18:00' }];
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      weeklyHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    });
    await waitFor(() => expect((screen.getByLabelText('Friday hours 1 from') as HTMLInputElement).value).toBe('08:00'));
  });

  it('says clearly when no Neo tab is open, and when no admin token is saved', async () => {
    const api = scriptedFetch(settingsRoute);
    registerBackground({ fetch: api.fetch, neoTabs: { patterns: [], queryTabs: async () => [], sendToTab: async () => undefined } });
    await saveConnection({ baseUrl: 'https://api.test', token: 'staff-token' });
    await saveAdminToken('admin-token');
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Fill from IDEXX Neo' }));
    expect((await screen.findByTestId('neo-fill')).textContent).toMatch(/No IDEXX Neo tab is open/);
  });

  it('asks for an admin token when none is saved', async () => {
    const server = await withBackground(settingsRoute);
    render(<CallingHoursSection />);
    expect((await screen.findByTestId('calling-hours-error')).textContent).toBe(
      'Set an admin API token in the Connection section first (admin pages need one).',
    );
    expect(server.requests).toHaveLength(0);
  });
});
