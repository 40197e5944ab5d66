import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { failedRunOf } from './failed-runs.js';

/** Options of {@link redriveFailed}. */
export interface RedriveOptions {
  queueUrl: string;
  /** Stop after this many messages. */
  max: number;
  /** Only list what would be run again; delete nothing. */
  dryRun: boolean;
  region?: string;
  log: (line: string) => void;
}

/**
 * Runs again the failed events of a failure queue: for each message, invokes its function asynchronously
 * (`InvocationType=Event`, the way Scheduler did) with the original event and deletes the message once Lambda has
 * accepted it. The functions are idempotent (a dial claims its attempt with a conditional write), so running an event
 * whose first run got further than it seemed is safe. A message that is not a failure record stays in the queue.
 * @returns how many were run again, left, and listed
 */
export async function redriveFailed(options: RedriveOptions): Promise<{ redriven: number; skipped: number; listed: number }> {
  const sqs = new SQSClient({ region: options.region });
  const lambda = new LambdaClient({ region: options.region });
  const report = { redriven: 0, skipped: 0, listed: 0 };
  const seen = new Set<string>();
  while (report.listed < options.max) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: Math.min(10, options.max - report.listed),
        MessageAttributeNames: ['All'],
        // Long enough to invoke and delete; a message not deleted (dry run, skipped) comes back after it.
        VisibilityTimeout: 60,
        WaitTimeSeconds: 1,
      }),
    );
    const fresh = Messages.filter((m) => m.MessageId && !seen.has(m.MessageId));
    if (!fresh.length) break;
    for (const message of fresh) {
      seen.add(message.MessageId!);
      report.listed += 1;
      const attributes = Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue]));
      let run;
      try {
        run = failedRunOf({ body: message.Body ?? '', attributes });
      } catch (error) {
        report.skipped += 1;
        options.log(`skip ${message.MessageId}: ${(error as Error).message}`);
        continue;
      }
      options.log(`${options.dryRun ? 'would run' : 'run'} ${run.functionArn.split(':').pop()} again (${run.reason}) with ${run.payload}`);
      if (options.dryRun) continue;
      await lambda.send(new InvokeCommand({ FunctionName: run.functionArn, InvocationType: 'Event', Payload: new TextEncoder().encode(run.payload) }));
      await sqs.send(new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: message.ReceiptHandle }));
      report.redriven += 1;
    }
  }
  return report;
}
