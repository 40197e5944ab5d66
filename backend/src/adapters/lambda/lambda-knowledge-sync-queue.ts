import type { KnowledgeSyncQueue } from '../../ports/knowledge-sync-queue.js';
import { LambdaAsyncInvoker, type LambdaAsyncInvokerOptions } from './lambda-async-invoker.js';

/** Payload of the `sync-knowledge` function: the clinic to sync. */
export interface KnowledgeSyncRequest {
  clinicId: string;
}

/**
 * The knowledge sync queue as an asynchronous Lambda invocation of `sync-knowledge` ({@link LambdaAsyncInvoker}),
 * like the provider-event hand-over: Lambda answers 202 once queued, runs it, and retries twice on error.
 * `functionArn` is the `sync-knowledge` function's.
 */
export class LambdaKnowledgeSyncQueue implements KnowledgeSyncQueue {
  private readonly invoker: LambdaAsyncInvoker;

  constructor(options: LambdaAsyncInvokerOptions) {
    this.invoker = new LambdaAsyncInvoker(options);
  }

  /** @throws Error when Lambda does not accept the invocation. */
  async enqueue(clinicId: string): Promise<void> {
    const request: KnowledgeSyncRequest = { clinicId };
    await this.invoker.invoke(request);
  }
}
