import { describe, expect, it, vi } from 'vitest';
import type { PeopleStore } from '../ports/people-store.js';
import type { Invitation, StaffDirectory } from '../ports/staff-directory.js';
import { userCommand } from './user-commands.js';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const DISABLED = { userId: 'u-9', clinicId: 'clinic-a', email: 'vet@clinic.example', name: 'Dr. Vet', role: 'staff' as const };

/** A directory and a people store that record what they were asked to do. */
function fakes() {
  const calls: unknown[] = [];
  const directory: StaffDirectory = {
    invite: async (invitation: Invitation) => {
      calls.push(['invite', invitation]);
      return { userId: 'u-1', email: invitation.email };
    },
    disable: async (email: string) => {
      calls.push(['disable', email]);
      return DISABLED;
    },
  };
  const people = {
    put: async (person: unknown) => void calls.push(['put', person]),
    disable: async (person: unknown, at: string) => void calls.push(['mark disabled', person, at]),
  } as unknown as PeopleStore;
  return { calls, directory, people };
}

describe('ops invite-user / disable-user', () => {
  it("invites a person with the clinic, email, name and role given, then writes their person record", async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { calls, directory, people } = fakes();
    const code = await userCommand('invite-user', ['--clinic', 'clinic-a', '--email', 'vet@clinic.example', '--role', 'admin', '--name', 'Dr. Vet'], directory, people);
    expect([code, calls]).toEqual([
      0,
      [
        ['invite', { clinicId: 'clinic-a', email: 'vet@clinic.example', name: 'Dr. Vet', role: 'admin' }],
        ['put', { clinicId: 'clinic-a', userId: 'u-1', name: 'Dr. Vet', email: 'vet@clinic.example', role: 'admin' }],
      ],
    ]);
  });

  it('refuses an unknown role with the usage (exit 2) and invites no one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { calls, directory, people } = fakes();
    const code = await userCommand('invite-user', ['--clinic', 'clinic-a', '--email', 'vet@clinic.example', '--role', 'owner'], directory, people);
    expect([code, calls]).toEqual([2, []]);
  });

  it('refuses to run without the table (exit 2)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { calls, directory } = fakes();
    expect([await userCommand('disable-user', ['--email', 'vet@clinic.example'], directory, undefined), calls]).toEqual([2, []]);
  });

  it('disables a person by email in the directory, then marks their record disabled now', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { calls, directory, people } = fakes();
    expect([await userCommand('disable-user', ['--email', 'vet@clinic.example'], directory, people, () => NOW), calls]).toEqual([
      0,
      [
        ['disable', 'vet@clinic.example'],
        ['mark disabled', DISABLED, NOW.toISOString()],
      ],
    ]);
  });
});
