import middy from '@middy/core';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import { z } from 'zod';
import { dialDueCall, type DialResult } from '../app/dial-due-call.js';
import { dependencies } from '../composition.js';

/** The schedule's input (`Target.Input`), as `CallScheduler.schedule` wrote it. */
const DialEventSchema = z.object({ callId: z.string().min(1), attempt: z.number().int().positive(), dueAt: z.iso.datetime().optional() });

/**
 * The dialer: EventBridge Scheduler's target (IAM-invoked, no public URL). Places attempt `attempt` of the call
 * at most once. A malformed event is logged and dropped (redelivering it cannot help); any other error is thrown
 * so the scheduler retries and finally sends the event to the dead-letter queue.
 */
export const handler = middy<unknown, DialResult>().use(lambdaContextLogging()).use(invocationMetrics()).handler(async (event) => {
  const parsed = DialEventSchema.safeParse(event);
  if (!parsed.success) {
    dependencies().logger.error('malformed dial event', { issues: parsed.error.issues.length });
    return 'skipped';
  }
  return dialDueCall(dependencies(), parsed.data);
});
