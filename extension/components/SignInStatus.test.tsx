import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../lib/api-client';
import type { SignInApi } from '../lib/messages';
import type { SignInStatus as Status } from '../lib/sign-in/sign-in-service';
import { SignInStatus } from './SignInStatus';

const ok = (data: Status): ApiResult<Status> => ({ ok: true, status: 200, data });
const rivera: Status = { state: 'signed_in', profile: { sub: 'u-1', name: 'Dr. Rivera', role: 'admin' } };

/** A sign-in API whose `signIn` answers when the test says so. */
function fakeApi(initial: Status) {
  let finish: (answer: ApiResult<Status>) => void = () => undefined;
  const api: SignInApi = {
    status: async () => ok(initial),
    signIn: () => new Promise((resolve) => (finish = resolve)),
    signOut: async () => ok({ state: 'signed_out' }),
  };
  return { api, finish: (answer: ApiResult<Status>) => finish(answer) };
}

describe('SignInStatus', () => {
  it('shows "Signing in…" on a busy, disabled button while the issuer\'s window is open, then who signed in', async () => {
    const { api, finish } = fakeApi({ state: 'signed_out' });
    render(<SignInStatus api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    const busy = screen.getByRole('button', { name: 'Signing in…' }) as HTMLButtonElement;
    expect([busy.disabled, busy.getAttribute('aria-busy')]).toEqual([true, 'true']);
    finish(ok(rivera));
    await screen.findByText(/Signed in as Dr\. Rivera \(admin\)/);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('signs in from the keyboard (Enter on the focused button)', async () => {
    const { api, finish } = fakeApi({ state: 'signed_out' });
    render(<SignInStatus api={api} />);
    const button = await screen.findByRole('button', { name: 'Sign in' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('button', { name: 'Signing in…' });
    finish(ok(rivera));
    await screen.findByText(/Signed in as/);
  });

  it('shows why signing in failed in an alert, and offers Sign in again', async () => {
    const { api, finish } = fakeApi({ state: 'signed_out' });
    render(<SignInStatus api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    finish({ ok: false, status: 0, error: { error: 'sign_in_cancelled', message: 'Sign-in was cancelled.' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Sign-in was cancelled.');
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('signs out', async () => {
    const { api } = fakeApi(rivera);
    render(<SignInStatus api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.queryByText(/Signed in as/)).toBeNull();
  });

  it('shows nothing when the clinic has no sign-in service', async () => {
    const { api } = fakeApi({ state: 'not_configured' });
    const { container } = render(<SignInStatus api={api} />);
    await waitFor(() => expect(container.innerHTML).toBe(''));
  });
});
