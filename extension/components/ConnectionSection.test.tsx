import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackground } from '../lib/background-handler';
import { apiAdminTokenItem, apiBaseUrlItem, apiTokenItem } from '../lib/settings';
import { scriptedFetch } from '../test-support/test-fetch';
import { ConnectionSection } from './ConnectionSection';
import { TEST_CLINIC } from '../test-support/test-server';

describe('ConnectionSection', () => {
  it('saves the URL and token and tests the typed values', async () => {
    const server = scriptedFetch((r) =>
      r.headers['authorization'] === 'Bearer good' ? { status: 200, body: TEST_CLINIC } : { status: 403, body: { message: 'Forbidden' } },
    );
    registerBackground({ fetch: server.fetch });
    render(<ConnectionSection />);
    const url = screen.getByLabelText('API base URL') as HTMLInputElement;
    await waitFor(() => expect(url.disabled).toBe(false));
    fireEvent.change(url, { target: { value: 'http://127.0.0.1:4000' } });
    fireEvent.change(screen.getByLabelText('Staff API token'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('The API token was refused — check it in the extension options.');
    // A refused test saves nothing.
    expect(await apiTokenItem.getValue()).toBe('');

    fireEvent.change(screen.getByLabelText('Staff API token'), { target: { value: ' good ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/Connected to/);
    expect(screen.getByTestId('connection-result').textContent).toBe('Connected to Happy Paws · timezone America/New_York · Demo mode');
    // A test that worked saves what it tested.
    await screen.findByText('Saved.');
    expect(await apiBaseUrlItem.getValue()).toBe('http://127.0.0.1:4000');
    expect(await apiTokenItem.getValue()).toBe('good');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await apiBaseUrlItem.getValue()).toBe('http://127.0.0.1:4000');
    expect(await apiTokenItem.getValue()).toBe('good');
    // Saving re-counts the toolbar badge with the new connection.
    await waitFor(() =>
      expect(server.requests.at(-1)).toMatchObject({
        url: 'http://127.0.0.1:4000/calls?attention=urgent%2Creview&resolved=false&limit=100',
        headers: { authorization: 'Bearer good' },
      }),
    );
  });

  it('refuses a URL that is not http(s)', async () => {
    render(<ConnectionSection />);
    const url = screen.getByLabelText('API base URL') as HTMLInputElement;
    await waitFor(() => expect(url.disabled).toBe(false));
    fireEvent.change(url, { target: { value: 'api.example.com' } });
    expect(screen.getByText(/Enter a full URL/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows an API URL preset by the clinic's IT locked, and uses it", async () => {
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://api.clinic.example' });
    await apiBaseUrlItem.setValue('https://typed.example');
    render(<ConnectionSection />);
    const url = screen.getByLabelText('API base URL') as HTMLInputElement;
    await waitFor(() => expect(url.value).toBe('https://api.clinic.example'));
    expect(url.readOnly).toBe(true);
    expect(screen.getByText("Set by your clinic's IT.")).toBeTruthy();
  });

  it('in the production build refuses a plain http:// URL to another computer', async () => {
    render(<ConnectionSection production />);
    const url = screen.getByLabelText('API base URL') as HTMLInputElement;
    await waitFor(() => expect(url.disabled).toBe(false));
    fireEvent.change(url, { target: { value: 'http://api.example.com' } });
    expect(screen.getByText('Use an https:// address (plain http:// is only allowed for localhost).')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps an optional admin token apart from the staff token and tests it against an admin route', async () => {
    const server = scriptedFetch((r) => {
      if (r.url.endsWith('/clinic')) return { status: 200, body: TEST_CLINIC };
      if (r.url.endsWith('/clinic/settings')) {
        return r.headers['authorization'] === 'Bearer adm'
          ? { status: 200, body: { ...TEST_CLINIC, voicemailPolicy: 'complete', maxCallsPer30Days: 3 } }
          : { status: 403, body: { error: 'forbidden', message: 'This action needs an admin token.' } };
      }
      return undefined;
    });
    registerBackground({ fetch: server.fetch });
    render(<ConnectionSection />);
    const url = screen.getByLabelText('API base URL') as HTMLInputElement;
    await waitFor(() => expect(url.disabled).toBe(false));
    fireEvent.change(url, { target: { value: 'http://127.0.0.1:4000' } });
    fireEvent.change(screen.getByLabelText('Staff API token'), { target: { value: 'staff' } });
    fireEvent.change(screen.getByLabelText('Admin API token (optional)'), { target: { value: 'staff' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByTestId('admin-connection-result').textContent).toBe('Admin token: this is not an admin token.'));
    fireEvent.change(screen.getByLabelText('Admin API token (optional)'), { target: { value: ' adm ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByTestId('admin-connection-result').textContent).toBe('Admin token accepted.'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await apiTokenItem.getValue()).toBe('staff');
    expect(await apiAdminTokenItem.getValue()).toBe('adm');
    expect(server.requests.filter((r) => r.url.endsWith('/clinic')).every((r) => r.headers['authorization'] === 'Bearer staff')).toBe(true);
  });
});
