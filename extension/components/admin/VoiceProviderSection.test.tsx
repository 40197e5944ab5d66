import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgentSyncSummary, ClinicVoice } from '@vfc/shared';
import { saveAdminToken } from '../../lib/settings';
import { TEST_CLINIC, withAdminBackground } from '../../test-support/test-server';
import { OptionsPage } from '../OptionsPage';
import { TEST_SETTINGS } from './admin-fixtures';
import { VoiceProviderSection } from './VoiceProviderSection';

const RETELL: ClinicVoice = { provider: 'retell', account: 'platform', fromNumber: '+14155550199', agentId: 'agent_demo', concurrencyLimit: 20, status: 'ok' };
const VAPI_OWN: ClinicVoice = {
  provider: 'vapi',
  account: 'clinic',
  keyLast4: '1234',
  phoneNumberId: 'pn_1',
  fromNumber: '+14155550199',
  agentId: 'asst_1',
  concurrencyLimit: 5,
  status: 'ok',
  verifiedAt: '2026-11-24T15:00:00.000Z',
};
const NO_SYNC: AgentSyncSummary = { created: [], updated: [], unchanged: [], duplicates: [], errors: [] };

/** The admin API: `GET /clinic/voice` answers `voice`, `PUT` answers `put(body)`, settings give the clinic's zone. */
function routes(voice: ClinicVoice, put: (body: unknown) => { status: number; body: unknown } = () => ({ status: 500, body: {} })) {
  return withAdminBackground((r) => {
    if (r.url.endsWith('/clinic/voice') && r.method === 'GET') return { status: 200, body: voice };
    if (r.url.endsWith('/clinic/voice') && r.method === 'PUT') return put(r.body);
    if (r.url.endsWith('/clinic/settings')) return { status: 200, body: TEST_SETTINGS };
    return undefined;
  });
}

const row = (name: string) => screen.getByTestId('voice-summary').querySelector(`[data-row="${name}"] dd`)?.textContent;
const putBodies = (server: Awaited<ReturnType<typeof routes>>) => server.requests.filter((r) => r.method === 'PUT').map((r) => r.body);

describe('VoiceProviderSection', () => {
  it('loads and shows the provider, own-key account, number, concurrency, status and verified time in clinic time', async () => {
    await routes(VAPI_OWN);
    render(<VoiceProviderSection />);
    await screen.findByTestId('voice-summary');
    expect([row('provider'), row('account'), row('number'), row('agent'), row('concurrency'), row('status'), row('verified')]).toEqual([
      'Vapi',
      'Own key ••••1234',
      '+14155550199',
      'asst_1',
      '5',
      'Working',
      'Tue 24 Nov 2026, 10:00:00 EST (clinic time, America/New_York)',
    ]);
    expect((screen.getByLabelText('Vapi') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("The clinic's own Vapi key") as HTMLInputElement).checked).toBe(true);
    const key = screen.getByLabelText('Vapi private key') as HTMLInputElement;
    expect([key.type, key.value]).toEqual(['password', '']);
    expect(screen.getByText(/A key ending in 1234 is stored: leave this empty to keep it\./)).toBeTruthy();
    expect((screen.getByLabelText('Concurrent calls allowed (1–1000)') as HTMLInputElement).value).toBe('5');
  });

  it('switching from Retell to Vapi on the platform account sends {provider: "vapi"} only', async () => {
    const server = await routes(RETELL, () => ({
      status: 200,
      body: { voice: { ...RETELL, provider: 'vapi', phoneNumberId: 'pn_1', agentId: 'asst_new', concurrencyLimit: 10 }, sync: { ...NO_SYNC, created: ['asst_new'] } },
    }));
    render(<VoiceProviderSection />);
    fireEvent.click(await screen.findByLabelText('Vapi'));
    expect((screen.getByLabelText("The platform's account") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));
    await within(screen.getByTestId('voice-provider-result')).findByText('Saved.');
    expect(putBodies(server)).toEqual([{ provider: 'vapi' }]);
  });

  it('an own key sends the key and the limit, disables the button while saving, and empties the key field after success', async () => {
    const server = await routes(RETELL, (body) => ({
      status: 200,
      body: {
        voice: { ...VAPI_OWN, keyLast4: '5678', concurrencyLimit: (body as { concurrencyLimit: number }).concurrencyLimit },
        sync: { ...NO_SYNC, created: ['asst_1'] },
      },
    }));
    render(<VoiceProviderSection />);
    fireEvent.click(await screen.findByLabelText('Vapi'));
    fireEvent.click(screen.getByLabelText("The clinic's own Vapi key"));
    fireEvent.change(screen.getByLabelText('Vapi private key'), { target: { value: ' sk_live_abcd5678 ' } });
    fireEvent.change(screen.getByLabelText('Concurrent calls allowed (1–1000)'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));
    expect((screen.getByRole('button', { name: 'Testing and saving…' }) as HTMLButtonElement).disabled).toBe(true);
    await within(screen.getByTestId('voice-provider-result')).findByText('Saved.');
    expect(putBodies(server)).toEqual([{ provider: 'vapi', apiKey: 'sk_live_abcd5678', concurrencyLimit: 25 }]);
    expect((screen.getByLabelText('Vapi private key') as HTMLInputElement).value).toBe('');
    expect(row('account')).toBe('Own key ••••5678');
  });

  it('a 400 invalid_credentials shows the message on the key field and keeps the previous display', async () => {
    const message = 'Vapi refused this API key: use the private key from the Vapi dashboard.';
    await routes(RETELL, () => ({ status: 400, body: { error: 'invalid_credentials', message } }));
    render(<VoiceProviderSection />);
    fireEvent.click(await screen.findByLabelText('Vapi'));
    fireEvent.click(screen.getByLabelText("The clinic's own Vapi key"));
    fireEvent.change(screen.getByLabelText('Vapi private key'), { target: { value: 'sk_wrong_0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(message);
    const key = screen.getByLabelText('Vapi private key');
    expect([key.getAttribute('aria-invalid'), key.getAttribute('aria-describedby')?.split(' ').includes(alert.id)]).toEqual(['true', true]);
    expect([row('provider'), row('account'), row('number'), row('concurrency'), screen.getByTestId('voice-provider-result').textContent]).toEqual([
      'Retell',
      "The platform's account",
      '+14155550199',
      '20',
      '',
    ]);
  });

  it('says in plain words what the save changed and what the assistant sync did, errors listed', async () => {
    const sync: AgentSyncSummary = {
      created: ['asst_new'],
      updated: ['asst_old'],
      unchanged: [],
      duplicates: ['asst_dup'],
      errors: ['The assistant could not be synced in Vapi (rate limited); save again to retry.'],
    };
    await routes(RETELL, () => ({ status: 200, body: { voice: { ...RETELL, provider: 'vapi', concurrencyLimit: 10 }, sync } }));
    render(<VoiceProviderSection />);
    fireEvent.click(await screen.findByLabelText('Vapi'));
    fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));
    const result = screen.getByTestId('voice-provider-result');
    await within(result).findByText('Saved.');
    expect(result.getAttribute('role')).toBe('status');
    expect([...result.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Provider: Retell → Vapi',
      'Concurrent calls: 20 → 10',
      "Agent created in the provider's account: asst_new",
      'Agent updated: asst_old',
      'Duplicate agent left alone: asst_dup',
      'The assistant could not be synced in Vapi (rate limited); save again to retry.',
    ]);
    expect(within(result).getByText('The assistant sync had problems:')).toBeTruthy();
  });

  it('is an admin section: a staff token saved as the admin token neither shows it nor loads the voice settings', async () => {
    const server = await withAdminBackground((r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined));
    await saveAdminToken('staff-token');
    // Imported here: the section titles are read from the locale messages when the module loads (set up per test).
    const { OPTIONS_SECTIONS } = await import('../options-sections');
    render(<OptionsPage sections={OPTIONS_SECTIONS.filter((section) => section.id === 'voice-provider')} />);
    await screen.findByTestId('admin-hidden');
    expect(screen.queryByRole('heading', { name: 'Voice provider (admin)' })).toBeNull();
    await waitFor(() => expect(server.requests.some((r) => r.url.endsWith('/clinic/voice'))).toBe(false));
  });
});
