import { storage } from 'wxt/utils/storage';
import type { SignedInProfile } from './profile';

/** Which issuer and app client a stored credential came from: one for another configuration is ignored. */
export interface IssuedBy {
  issuer: string;
  clientId: string;
}

/**
 * Who is signed in (name, role, `sub`; no token), in `browser.storage.local`: written by the background worker,
 * watched by the pages to show "Signed in as …" and to show or hide the admin sections.
 */
export const signedInItem = storage.defineItem<(IssuedBy & { profile: SignedInProfile }) | null>('local:vfcSignedIn', { fallback: null });
