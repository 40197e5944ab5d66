import * as z from '@vfc/shared/zod';
import { asyncEventHandler } from './async-event-handler.js';
import { dialDueCall, type DialResult } from '../app/dial-due-call.js';
import { dependencies } from '../composition.js';

/** The schedule's input (`Target.Input`), as `CallScheduler.schedule` wrote it. */
const DialEventSchema = z.object({
  callId: z.string().check(z.minLength(1)),
  attempt: z.int().check(z.positive()),
  dueAt: z.optional(z.iso.datetime()),
  clinicId: z.optional(z.string().check(z.minLength(1))),
});

/**
 * The dialer: EventBridge Scheduler's target (IAM-invoked, no public URL). Places attempt `attempt` of the call
 * at most once. A malformed event is logged and dropped (redelivering it cannot help); any other error is thrown:
 * Scheduler invokes asynchronously, so Lambda runs the event twice more and then records it (event and error) in the
 * stack's on-failure queue (`<prefix>-async-failures`, replayed with `ops redrive-failed`). Scheduler's own
 * dead-letter queue only receives events it could not hand to Lambda at all.
 */
export const handler = asyncEventHandler({
  payload: DialEventSchema,
  payloadName: 'dial event',
  logger: () => dependencies().logger,
  withInvocationMetrics: true,
  run: (event): Promise<DialResult> => dialDueCall(dependencies(), event),
});
