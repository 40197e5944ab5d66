import { storage } from 'wxt/utils/storage';
import { signedInItem, type IssuedBy } from './signed-in-item';

/**
 * The access token, in `browser.storage.session`: kept in memory by Chrome, gone when the browser closes, and closed
 * to content scripts (trusted contexts only; see lib/background-handler.ts). Read and written by the background
 * worker only. `expiresAt` is UTC epoch ms.
 */
export const accessTokenItem = storage.defineItem<(IssuedBy & { accessToken: string; expiresAt: number }) | null>('session:vfcSignInAccess', {
  fallback: null,
});

/**
 * The refresh token, in `browser.storage.local` so sign-in survives a browser restart. Only the background worker
 * reads this key: no message ever answers it, and no page or content script module imports this item.
 */
export const refreshTokenItem = storage.defineItem<(IssuedBy & { refreshToken: string }) | null>('local:vfcSignInRefresh', { fallback: null });

/** Forgets every sign-in credential and the profile. */
export async function clearSignIn(): Promise<void> {
  await Promise.all([accessTokenItem.removeValue(), refreshTokenItem.removeValue(), signedInItem.removeValue()]);
}

/** Is `stored` from this issuer and app client? */
export const issuedBy = (stored: IssuedBy | null, config: IssuedBy): boolean =>
  stored !== null && stored.issuer === config.issuer && stored.clientId === config.clientId;
