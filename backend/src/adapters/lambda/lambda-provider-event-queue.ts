import type { ProviderCallEvent, ProviderEventQueue } from '../../ports/provider-events.js';
import { LambdaAsyncInvoker, type LambdaAsyncInvokerOptions } from './lambda-async-invoker.js';

/**
 * The provider-event queue as an asynchronous Lambda invocation of `apply-provider-event` ({@link LambdaAsyncInvoker}):
 * Lambda answers 202 once the event is in its internal queue, then runs the function, retrying twice on error
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html). The payload is the event itself (no personal
 * data beyond what the call record already holds; never logged). `functionArn` is `apply-provider-event`'s.
 */
export class LambdaProviderEventQueue implements ProviderEventQueue {
  private readonly invoker: LambdaAsyncInvoker;

  constructor(options: LambdaAsyncInvokerOptions) {
    this.invoker = new LambdaAsyncInvoker(options);
  }

  /** @throws Error when Lambda does not accept the invocation. */
  async enqueue(event: ProviderCallEvent): Promise<void> {
    await this.invoker.invoke(event);
  }
}
