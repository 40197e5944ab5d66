import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { KnowledgeSyncQueue } from '../../ports/knowledge-sync-queue.js';
import { observeSdkClient } from '../aws/sdk-call-observers.js';

/** Where {@link LambdaKnowledgeSyncQueue} sends its requests. */
export interface LambdaKnowledgeSyncQueueOptions {
  /** ARN (or name) of the `sync-knowledge` function. */
  functionArn: string;
  /** Local Lambda stand-in only. */
  endpoint?: string;
  region?: string;
}

/** Payload of the `sync-knowledge` function: the clinic to sync. */
export interface KnowledgeSyncRequest {
  clinicId: string;
}

/**
 * The knowledge sync queue as an asynchronous Lambda invocation (`InvocationType: 'Event'`) of `sync-knowledge`, like
 * the provider-event hand-over: Lambda answers 202 once queued, runs it, and retries twice on error.
 */
export class LambdaKnowledgeSyncQueue implements KnowledgeSyncQueue {
  private readonly client: LambdaClient;

  constructor(private readonly options: LambdaKnowledgeSyncQueueOptions) {
    this.client = observeSdkClient(
      new LambdaClient({
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint
          ? { endpoint: options.endpoint, region: options.region ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
          : {}),
      }),
    );
  }

  async enqueue(clinicId: string): Promise<void> {
    const payload: KnowledgeSyncRequest = { clinicId };
    const out = await this.client.send(
      new InvokeCommand({ FunctionName: this.options.functionArn, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(payload)) }),
    );
    if (out.StatusCode !== 202) throw new Error(`Lambda did not accept the knowledge sync (status ${out.StatusCode})`);
  }
}
