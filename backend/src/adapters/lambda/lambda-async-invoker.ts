import { noteSdkCall } from '../aws/sdk-call-observers.js';
import { signedFetchClient, type SignedFetchClient, type SignedFetchOptions } from '../aws/signed-fetch.js';

/** Where {@link LambdaAsyncInvoker} sends its invocations (see {@link SignedFetchOptions} for the rest). */
export interface LambdaAsyncInvokerOptions extends Pick<SignedFetchOptions, 'endpoint' | 'region' | 'env' | 'firstRetryMs' | 'timeoutMs'> {
  /** ARN (or name) of the function to invoke. */
  functionArn: string;
}

/**
 * Asynchronous invocation of one Lambda function (`InvocationType: Event`): Lambda answers 202 once the event is
 * queued, runs the function later and retries it twice on error. The request is Lambda's Invoke API
 * (`POST /2015-03-31/functions/{FunctionName}/invocations` with `X-Amz-Invocation-Type: Event`,
 * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html), signed with Signature Version 4 by aws4fetch.
 *
 * Why not `@aws-sdk/client-lambda`: this is the only Lambda call of the functions that hand work over (the webhooks,
 * the knowledge routes, the voice settings), and that client adds ~85 kB minified to each of their bundles (the
 * schemas of all of Lambda's operations) against ~6 kB for aws4fetch — measured by `pnpm bench`. The request is
 * still reported to the SDK-call observers as `LambdaClient` / `InvokeCommand`, so the local permission recorder
 * checks it against the stack's IAM grants like any SDK call.
 */
export class LambdaAsyncInvoker {
  private readonly client: SignedFetchClient;
  private readonly url: string;

  constructor(private readonly options: LambdaAsyncInvokerOptions) {
    this.client = signedFetchClient({
      ...options,
      service: 'lambda',
      localCredentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const base = (options.endpoint ?? `https://lambda.${this.client.region}.amazonaws.com`).replace(/\/+$/, '');
    this.url = `${base}/2015-03-31/functions/${encodeURIComponent(options.functionArn)}/invocations`;
  }

  /**
   * Hands `payload` (serialized as JSON; Lambda takes at most 1 MB for an asynchronous invocation) to the function.
   * Resolves once Lambda has queued it, not once it ran.
   * @throws Error when Lambda refuses it (any answer but 202: missing function, no permission, payload too large…)
   *   or cannot be reached after the retries.
   */
  async invoke(payload: unknown): Promise<void> {
    noteSdkCall({ client: 'LambdaClient', command: 'InvokeCommand', input: { FunctionName: this.options.functionArn, InvocationType: 'Event' } });
    const response = await this.client.fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
      body: JSON.stringify(payload),
    });
    if (response.status === 202) return;
    const errorType = response.headers.get('x-amzn-errortype') ?? 'no error type';
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`Lambda did not accept the invocation of ${this.options.functionArn} (status ${response.status}, ${errorType}): ${detail}`);
  }
}
