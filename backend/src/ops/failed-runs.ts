/**
 * Reading the two failure queues of the stateless stack, so `ops redrive-failed` can run each failed event again.
 *
 * - Lambda's on-failure destination (`<prefix>-async-failures`): the message body is Lambda's invocation record,
 *   `{requestContext: {functionArn, condition, approximateInvokeCount}, requestPayload, responsePayload}`
 *   (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html). `functionArn` may carry a
 *   `:$LATEST` qualifier.
 * - EventBridge Scheduler's dead-letter queue (`<prefix>-scheduler-dlq`): the body is the schedule's target input and
 *   the target is in the message attribute `TARGET_ARN`
 *   (https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html).
 */

/** An SQS message as the redrive reads it: its body and its string message attributes. */
export interface QueuedMessage {
  body: string;
  attributes: Readonly<Record<string, string | undefined>>;
}

/** One failed run to invoke again: the function (unqualified ARN), the event it was given, and why it failed. */
export interface FailedRun {
  functionArn: string;
  /** The original event, as JSON text (sent unchanged). */
  payload: string;
  /** What Lambda or Scheduler said about the failure (the condition or error code), for the operator's log. */
  reason: string;
}

/**
 * The failed run a queued message describes.
 * @throws Error when the message is neither a Lambda invocation record nor a Scheduler dead letter (left in the queue)
 */
export function failedRunOf(message: QueuedMessage): FailedRun {
  const targetArn = message.attributes.TARGET_ARN;
  if (targetArn) {
    return { functionArn: unqualified(targetArn), payload: message.body, reason: message.attributes.ERROR_CODE ?? 'scheduler delivery failed' };
  }
  let record: { requestContext?: { functionArn?: unknown; condition?: unknown }; requestPayload?: unknown };
  try {
    record = JSON.parse(message.body) as typeof record;
  } catch {
    throw new Error('Not a failure record: the body is not JSON and there is no TARGET_ARN attribute');
  }
  const functionArn = record.requestContext?.functionArn;
  if (typeof functionArn !== 'string' || !('requestPayload' in record)) {
    throw new Error('Not a failure record: no requestContext.functionArn / requestPayload and no TARGET_ARN attribute');
  }
  return {
    functionArn: unqualified(functionArn),
    payload: JSON.stringify(record.requestPayload),
    reason: typeof record.requestContext?.condition === 'string' ? record.requestContext.condition : 'failed',
  };
}

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]` → without the qualifier. */
function unqualified(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : arn;
}
