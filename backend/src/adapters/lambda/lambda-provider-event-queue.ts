import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ProviderCallEvent, ProviderEventQueue } from '../../ports/provider-events.js';
import { observeSdkClient } from '../aws/sdk-call-observers.js';

/** Where {@link LambdaProviderEventQueue} sends its events. */
export interface LambdaProviderEventQueueOptions {
  /** ARN (or name) of the `apply-provider-event` function. */
  functionArn: string;
  /** Local Lambda stand-in only. */
  endpoint?: string;
  region?: string;
}

/**
 * The provider-event queue as an asynchronous Lambda invocation (`InvocationType: 'Event'`): Lambda answers 202 once
 * the event is in its internal queue, then runs the function, retrying twice on error
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html). The payload is the event itself (no personal
 * data beyond what the call record already holds; never logged).
 */
export class LambdaProviderEventQueue implements ProviderEventQueue {
  private readonly client: LambdaClient;

  constructor(private readonly options: LambdaProviderEventQueueOptions) {
    this.client = observeSdkClient(
      new LambdaClient({
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint
          ? { endpoint: options.endpoint, region: options.region ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
          : {}),
      }),
    );
  }

  async enqueue(event: ProviderCallEvent): Promise<void> {
    const out = await this.client.send(
      new InvokeCommand({ FunctionName: this.options.functionArn, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(event)) }),
    );
    if (out.StatusCode !== 202) throw new Error(`Lambda did not accept the provider event (status ${out.StatusCode})`);
  }
}
