import { DuplicateEventError } from '../ports/call-store.js';
import type { ProviderCallEvent, ProviderEventQueue } from '../ports/provider-events.js';
import type { Dependencies } from './dependencies.js';

/** What receiving a webhook did: first receipt, or a redelivery of one already received (handed over again). */
export type ReceiveResult = 'received' | 'redelivered';

/**
 * The webhook's part of a verified provider event, kept short so the provider hears 200 fast: one conditional write
 * of a receipt in the call's history (`<provider call id>#<event>#received`: a redelivery collides with it), then the
 * event is handed to `queue`, which applies it after the answer (`applyProviderEvent`: the ending, the freed slot,
 * the next dial). A redelivery is handed over again — the first hand-over may have failed after its receipt was
 * written, and applying is idempotent, so twice gives the same result as once.
 * An event without our call id (no metadata) has nowhere to keep a receipt and is only handed over.
 * @throws Error when the store or the queue refuses (the webhook answers 5xx and the provider redelivers).
 */
export async function receiveProviderEvent(
  deps: Pick<Dependencies, 'calls' | 'clock'>,
  queue: ProviderEventQueue,
  event: ProviderCallEvent,
): Promise<ReceiveResult> {
  let result: ReceiveResult = 'received';
  if (event.callId) {
    try {
      await deps.calls.appendEvent(event.callId, {
        at: deps.clock.now().toISOString(),
        type: `${event.provider ?? 'retell'}.${event.name}.received`,
        dedupeKey: `${event.providerCallId}#${event.name}#received`,
        detail: { attempt: event.attempt, providerCallId: event.providerCallId },
      });
    } catch (error) {
      if (!(error instanceof DuplicateEventError)) throw error;
      result = 'redelivered';
    }
  }
  await queue.enqueue(event);
  return result;
}
