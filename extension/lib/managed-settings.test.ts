import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadManagedSettings } from './managed-settings';

describe('loadManagedSettings', () => {
  it("reads the API URL, issuer and client id IT set (trimmed), leaving out empty and non-string values", async () => {
    await fakeBrowser.storage.managed.set({ apiUrl: ' https://api.clinic.example ', issuer: 'https://id.clinic.example', clientId: '', other: 'x' });
    expect(await loadManagedSettings()).toEqual({ apiUrl: 'https://api.clinic.example', issuer: 'https://id.clinic.example' });
  });

  it('answers nothing preset when the browser has no managed storage for the extension', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await loadManagedSettings()).toEqual({});
  });
});
