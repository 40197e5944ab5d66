import middy from '@middy/core';
import type * as z from '@vfc/shared/zod';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import type { AppLogger } from '../ports/logger.js';

/** What {@link asyncEventHandler} needs to know of one asynchronously invoked function. */
export interface AsyncEventHandlerOptions<S extends z.ZodMiniType, R> {
  /** The invocation payload's schema. */
  payload: S;
  /** What the payload is, for the log line of a malformed one (`dial event` → "malformed dial event"). */
  payloadName: string;
  /** The logger of the function's composition (called only when a payload is malformed). */
  logger: () => AppLogger;
  /** Whether the invocation is also counted by the invocation metrics middleware. */
  withInvocationMetrics?: boolean;
  /** The use case, given the parsed payload. */
  run: (payload: z.output<S>) => Promise<R>;
}

/**
 * A Lambda handler for an asynchronous invocation (Scheduler's target input, a queued hand-over): middy with the
 * Lambda-context logging (and the invocation metrics when asked), the payload checked against its schema. A malformed
 * payload is logged with its issue count only (no personal data) and dropped as `'skipped'`: a retry cannot help.
 * Any error of `run` is thrown, so Lambda retries the invocation (twice, then its on-failure handling).
 */
export function asyncEventHandler<S extends z.ZodMiniType, R>(options: AsyncEventHandlerOptions<S, R>) {
  const base = middy<unknown, R | 'skipped'>().use(lambdaContextLogging());
  return (options.withInvocationMetrics ? base.use(invocationMetrics()) : base).handler(async (event) => {
    const parsed = options.payload.safeParse(event);
    if (!parsed.success) {
      options.logger().error(`malformed ${options.payloadName}`, { issues: parsed.error.issues.length });
      return 'skipped';
    }
    return options.run(parsed.data);
  });
}
