import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SignInApi } from '../lib/messages';
import { TEST_CLINIC, withBackground } from '../test-support/test-server';
import { SidePanelPage } from './SidePanelPage';

const signInApi: SignInApi = {
  status: async () => ({ ok: true, status: 200, data: { state: 'signed_out' } }),
  signIn: async () => ({ ok: true, status: 200, data: { state: 'signed_in', profile: { sub: 'u-2', name: 'Sam', role: 'staff' } } }),
  signOut: async () => ({ ok: true, status: 200, data: { state: 'signed_out' } }),
};

describe('SidePanelPage', () => {
  it('loads the follow-ups once at first, and again for the person who signs in', async () => {
    const server = await withBackground((r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : { status: 200, body: { items: [] } }));
    const clinicReads = () => server.requests.filter((r) => r.url.endsWith('/clinic')).length;
    render(<SidePanelPage signInApi={signInApi} />);
    const signIn = await screen.findByRole('button', { name: 'Sign in' });
    await waitFor(() => expect(clinicReads()).toBe(1));
    fireEvent.click(signIn);
    await screen.findByText(/Signed in as Sam \(staff\)/);
    await waitFor(() => expect(clinicReads()).toBe(2));
  });
});
