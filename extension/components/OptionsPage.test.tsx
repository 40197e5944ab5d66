import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SignInApi } from '../lib/messages';
import { saveAdminToken } from '../lib/settings';
import type { SignInStatus } from '../lib/sign-in/sign-in-service';
import { useAdminAccess } from './use-admin-access';
import { TEST_CLINIC, withBackground } from '../test-support/test-server';
import { OptionsPage } from './OptionsPage';

const sections = [
  { id: 'connection', title: 'Connection', Component: () => <p>connection form</p> },
  { id: 'calling-hours', title: 'Calling hours (admin)', Component: () => <p>admin form</p>, admin: true },
];

/** The API: `GET /clinic` answers the role of the token it was sent. */
const clinicByToken = (r: { url: string; headers: Record<string, string> }) =>
  r.url.endsWith('/clinic')
    ? r.headers['authorization'] === 'Bearer admin-token'
      ? { status: 200, body: { ...TEST_CLINIC, role: 'admin' } }
      : { status: 200, body: TEST_CLINIC }
    : undefined;

describe('OptionsPage', () => {
  it('shows a staff member no admin section and no admin error, and links the privacy policy', async () => {
    const server = await withBackground(clinicByToken);
    render(<OptionsPage sections={sections} />);
    expect(screen.getByRole('heading', { name: 'Connection' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy.html');
    await waitFor(() => expect(server.requests).toHaveLength(0));
    expect(screen.queryByRole('heading', { name: /admin/ })).toBeNull();
    expect(screen.queryByText('admin form')).toBeNull();
  });

  it('shows the admin sections once a saved admin token is an admin token, and hides them for a staff token saved as admin', async () => {
    const server = await withBackground(clinicByToken);
    await saveAdminToken('admin-token');
    render(<OptionsPage sections={sections} />);
    await screen.findByText('admin form');
    expect(server.requests.at(-1)?.headers['authorization']).toBe('Bearer admin-token');

    await saveAdminToken('staff-token');
    await waitFor(() => expect(screen.queryByText('admin form')).toBeNull());
    expect(screen.getByTestId('admin-hidden').textContent).toMatch(/not an admin token/);
  });

  it('shows a signed-in staff member no admin section and no admin message, even with an admin token saved', async () => {
    await withBackground(clinicByToken);
    await saveAdminToken('admin-token');
    render(<SignedInOptions status={{ state: 'signed_in', profile: { sub: 'u-2', name: 'Sam', role: 'staff' } }} />);
    await screen.findByText('access: none');
    expect(screen.queryByText('admin form')).toBeNull();
    expect(screen.queryByTestId('admin-hidden')).toBeNull();
  });

  it('shows a signed-in admin the admin sections', async () => {
    await withBackground(clinicByToken);
    render(<SignedInOptions status={{ state: 'signed_in', profile: { sub: 'u-1', name: 'Dr. Rivera', role: 'admin' } }} />);
    await screen.findByText('admin form');
  });
});

/** The options page with admin access decided by a sign-in status (as the worker would answer it). */
function SignedInOptions(props: { status: SignInStatus }) {
  const signIn: Pick<SignInApi, 'status'> = { status: async () => ({ ok: true, status: 200, data: props.status }) };
  const access = useAdminAccess(undefined, signIn);
  return (
    <>
      <p>access: {access}</p>
      {access !== 'checking' && <OptionsPage sections={sections} adminAccess={access} />}
    </>
  );
}
