import type { Actor, CallChange, CallRecord } from '@vfc/shared';
import type { TokenGrant } from '../ports/clinic-store.js';

/** Who is recorded for a change made with an API key that carries no label. */
export const UNLABELLED_TOKEN = 'clinic staff (unlabelled token)';

/** The `userId` recorded for a change made with a clinic API key (a machine, not a person). */
export const API_KEY_USER_ID = 'api-key';

/**
 * The author of a change, from the caller's grant: a signed-in person is `{userId: sub, name}`; an API key is
 * `{userId: 'api-key', name: <its label>}`.
 */
export function actorOf(grant: Pick<TokenGrant, 'label' | 'userId' | 'name'>): Actor {
  if (grant.userId) return { userId: grant.userId, name: grant.name ?? grant.userId };
  return { userId: API_KEY_USER_ID, name: grant.label ?? UNLABELLED_TOKEN };
}

/** The call's `changes` with one more entry at the end (the record itself is not modified). */
export function withChange(call: Pick<CallRecord, 'changes'>, change: CallChange): CallChange[] {
  return [...(call.changes ?? []), change];
}
