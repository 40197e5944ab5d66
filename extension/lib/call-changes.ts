import type { Call } from '@vfc/shared';
import { isTerminal } from '@vfc/shared/domain/call-state';

/**
 * Ids of shown calls whose change moves the toolbar badge: they ended (not final in `before`, final in `after`), or
 * their `attention` changed (the post-call analysis may arrive after the ending). Calls not in `before` are new to
 * the page, not changes, and give nothing.
 */
export function callsThatMoveTheBadge(before: readonly Call[] | undefined, after: readonly Call[]): string[] {
  if (!before) return [];
  const previous = new Map(before.map((call) => [call.callId, call]));
  return after
    .filter((call) => {
      const was = previous.get(call.callId);
      return was !== undefined && ((!isTerminal(was.status) && isTerminal(call.status)) || was.attention !== call.attention);
    })
    .map((call) => call.callId);
}
