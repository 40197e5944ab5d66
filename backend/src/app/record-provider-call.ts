import type { CallRecord } from '@vfc/shared';
import type { Dependencies } from './dependencies.js';
import { updateCall } from './update-call.js';

/**
 * Stores the provider's call id on the call's attempt `attempt` (status unchanged), once: the `dialed#<attempt>`
 * history event makes a second recording — the dialer's and the reconciler's adoption after a crash — a no-op.
 * Nothing is written when the call has moved on to another attempt.
 * @param known - the call as the caller last read or wrote it (e.g. the claimed call): saves the read (see `updateCall`).
 */
export async function recordProviderCallId(
  deps: Pick<Dependencies, 'calls' | 'clock' | 'logger' | 'metrics'>,
  call: Pick<CallRecord, 'callId' | 'attempt'>,
  providerCallId: string,
  how: 'placed' | 'adopted' = 'placed',
  known?: CallRecord,
): Promise<void> {
  await updateCall(deps, call.callId, (current) => {
    if (current.attempt !== call.attempt) return undefined;
    const at = deps.clock.now().toISOString();
    return {
      next: {
        ...current,
        retellCallId: providerCallId,
        updatedAt: at,
        attempts: current.attempts.map((a) => (a.attempt === call.attempt ? { ...a, retellCallId: providerCallId } : a)),
      },
      event: {
        at,
        type: 'dialed',
        dedupeKey: `dialed#${call.attempt}`,
        detail: { attempt: call.attempt, retellCallId: providerCallId, ...(how === 'adopted' ? { adopted: true } : {}) },
      },
    };
  }, known);
}
