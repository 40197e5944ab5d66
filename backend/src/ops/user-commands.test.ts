import { describe, expect, it, vi } from 'vitest';
import type { Invitation, StaffDirectory } from '../ports/staff-directory.js';
import { userCommand } from './user-commands.js';

/** A directory that records what it was asked to do. */
function fakeDirectory() {
  const calls: unknown[] = [];
  const directory: StaffDirectory = {
    invite: async (invitation: Invitation) => {
      calls.push(['invite', invitation]);
      return { userId: 'u-1', email: invitation.email };
    },
    disable: async (email: string) => void calls.push(['disable', email]),
  };
  return { calls, directory };
}

describe('ops invite-user / disable-user', () => {
  it('invites a person with the clinic, email, name and role given', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { calls, directory } = fakeDirectory();
    const code = await userCommand('invite-user', ['--clinic', 'clinic-a', '--email', 'vet@clinic.example', '--role', 'admin', '--name', 'Dr. Vet'], directory);
    expect([code, calls]).toEqual([0, [['invite', { clinicId: 'clinic-a', email: 'vet@clinic.example', name: 'Dr. Vet', role: 'admin' }]]]);
  });

  it('refuses an unknown role with the usage (exit 2) and invites no one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { calls, directory } = fakeDirectory();
    const code = await userCommand('invite-user', ['--clinic', 'clinic-a', '--email', 'vet@clinic.example', '--role', 'owner'], directory);
    expect([code, calls]).toEqual([2, []]);
  });

  it('disables a person by email', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { calls, directory } = fakeDirectory();
    expect([await userCommand('disable-user', ['--email', 'vet@clinic.example'], directory), calls]).toEqual([0, [['disable', 'vet@clinic.example']]]);
  });
});
