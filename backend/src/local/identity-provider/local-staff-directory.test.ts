import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type IdentityProvider } from './identity-provider.js';
import { LocalStaffDirectory } from './local-staff-directory.js';
import { LOCAL_REDIRECT_URI } from './redirect-uris.js';

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider({ redirectUris: [LOCAL_REDIRECT_URI] });
});
afterAll(() => idp?.stop());

describe('LocalStaffDirectory (the local identity provider admin API)', () => {
  it('invites an admin of a clinic, who can then sign in with the temporary password and is in both groups', async () => {
    const invited = await new LocalStaffDirectory(idp.issuer, idp.adminKey).invite({ clinicId: 'clinic-a', email: 'New@Clinic.example', name: 'New Vet', role: 'admin' });
    const person = idp.people.signIn('new@clinic.example', invited.temporaryPassword!);
    expect([person?.sub, person?.clinicId, person?.groups]).toEqual([invited.userId, 'clinic-a', ['staff', 'admin']]);
  });

  it('disables a person: they can no longer sign in', async () => {
    const directory = new LocalStaffDirectory(idp.issuer, idp.adminKey);
    const invited = await directory.invite({ clinicId: 'clinic-a', email: 'leaving@clinic.example', name: 'Leaving', role: 'staff' });
    await directory.disable('leaving@clinic.example');
    expect(idp.people.signIn('leaving@clinic.example', invited.temporaryPassword!)).toBeUndefined();
  });

  it('answers who was disabled: id, clinic, email, name and role', async () => {
    const directory = new LocalStaffDirectory(idp.issuer, idp.adminKey);
    const invited = await directory.invite({ clinicId: 'clinic-b', email: 'gone@clinic.example', name: 'Gone Vet', role: 'admin' });
    expect(await directory.disable('gone@clinic.example')).toEqual({ userId: invited.userId, clinicId: 'clinic-b', email: 'gone@clinic.example', name: 'Gone Vet', role: 'admin' });
  });

  it('refuses a caller without the admin key', async () => {
    await expect(new LocalStaffDirectory(idp.issuer, 'wrong-key').disable('anyone@clinic.example')).rejects.toThrow(/401/);
  });
});
