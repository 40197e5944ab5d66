import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { LOCAL_REDIRECT_URI } from '@vfc/backend/local/identity-provider/redirect-uris';
import { apiClient } from '../support/api.js';
import { signIn } from '../support/sign-in.js';

/**
 * An expired access token, honestly: the local provider issues a real token (1-hour lifetime) and the stack's token
 * verifier runs its clock two hours ahead (`tokenClockAheadMs`), so on the verifier's clock the token's `exp` has
 * passed — no waiting, no forged token. Its own stack: every sign-in token is expired on it.
 */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ tokenClockAheadMs: 2 * 3_600_000 });
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

describe('an expired sign-in token', () => {
  it('is refused (the gateway 403)', async () => {
    const client = { issuer: stack.identityProvider.issuer, clientId: stack.identityProvider.clientId, redirectUri: LOCAL_REDIRECT_URI };
    const { accessToken } = await signIn(client, stack.demoPeople.staff.email, stack.demoPeople.password);
    const answer = await api('/clinic', { token: accessToken });
    expect([answer.status, answer.json]).toEqual([403, { message: 'Forbidden' }]);
  });
});
