import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SignInApi } from '../lib/messages';
import { signInClientIdItem, signInIssuerItem } from '../lib/settings';
import { SignInSection } from './SignInSection';

const api: SignInApi = {
  status: async () => ({ ok: true, status: 200, data: { state: 'signed_out' } }),
  signIn: async () => ({ ok: true, status: 200, data: { state: 'signed_out' } }),
  signOut: async () => ({ ok: true, status: 200, data: { state: 'signed_out' } }),
};

describe('SignInSection', () => {
  it('saves the issuer and client id typed', async () => {
    render(<SignInSection api={api} />);
    const issuer = screen.getByLabelText('Sign-in issuer URL') as HTMLInputElement;
    await waitFor(() => expect(issuer.disabled).toBe(false));
    fireEvent.change(issuer, { target: { value: ' https://id.clinic.example ' } });
    fireEvent.change(screen.getByLabelText('App client id'), { target: { value: 'vfc-extension' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sign-in settings' }));
    await screen.findByText('Sign-in settings saved.');
    expect([await signInIssuerItem.getValue(), await signInClientIdItem.getValue()]).toEqual(['https://id.clinic.example', 'vfc-extension']);
  });

  it("shows the issuer and client id IT preset as locked, with no Save button", async () => {
    await fakeBrowser.storage.managed.set({ issuer: 'https://id.clinic.example', clientId: 'vfc-extension' });
    render(<SignInSection api={api} />);
    const issuer = screen.getByLabelText('Sign-in issuer URL') as HTMLInputElement;
    await waitFor(() => expect(issuer.value).toBe('https://id.clinic.example'));
    expect([issuer.readOnly, (screen.getByLabelText('App client id') as HTMLInputElement).readOnly]).toEqual([true, true]);
    expect(screen.getAllByText("Set by your clinic's IT.")).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Save sign-in settings' })).toBeNull();
  });

  it('in the production build refuses a plain http:// issuer on another computer', async () => {
    render(<SignInSection api={api} production />);
    const issuer = screen.getByLabelText('Sign-in issuer URL') as HTMLInputElement;
    await waitFor(() => expect(issuer.disabled).toBe(false));
    fireEvent.change(issuer, { target: { value: 'http://id.clinic.example' } });
    expect(screen.getByText('Use an https:// address (plain http:// is only allowed for localhost).')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save sign-in settings' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
