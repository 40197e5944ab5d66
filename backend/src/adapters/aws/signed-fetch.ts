import { AwsClient } from 'aws4fetch';

/** How {@link signedFetchClient} reaches one AWS service. */
export interface SignedFetchOptions {
  /** Signing name of the service (`lambda`, `s3`). */
  service: string;
  /** AWS Region; default: the `AWS_REGION` of {@link SignedFetchOptions.env}, else `us-east-1`. */
  region?: string;
  /** Local stand-in only: then {@link SignedFetchOptions.localCredentials} sign the requests. */
  endpoint?: string;
  /** The fixed credentials the local stand-in expects. */
  localCredentials: { accessKeyId: string; secretAccessKey: string };
  /**
   * Where the credentials are read: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, the execution
   * role's credentials, which the Lambda runtime puts in every function's environment
   * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
   * Default `process.env`.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** First back-off before a retry, ms (doubled each time, with jitter); default {@link FIRST_RETRY_MS}. */
  firstRetryMs?: number;
  /** Longest wait for one call, retries included, ms; default {@link REQUEST_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/** A signing `fetch` for one service, and the region it signs for. */
export interface SignedFetchClient {
  /** Signs and sends the request (retried, bounded by the timeout). @throws Error (a `TimeoutError`) past the timeout, or the network's error after the retries. */
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Signs without sending: headers, or the query string with `aws.signQuery` (a presigned URL). */
  sign: AwsClient['sign'];
  region: string;
}

/** Attempts after the first on a 429, a 5xx or a network error (the AWS SDK's standard mode also makes 3 in all). */
export const RETRIES = 2;
/** First back-off before a retry, ms. */
export const FIRST_RETRY_MS = 100;
/** Longest wait for one call, retries included, ms (the SDK clients' socket timeouts play this part for them). */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * An aws4fetch client (https://github.com/mhart/aws4fetch, `aws4fetch` 1.0.20): `fetch` that signs each request with
 * Signature Version 4 and retries 429s, 5xxs and network errors {@link RETRIES} times with exponential back-off.
 * Used where a handler makes one or two simple calls to a service whose AWS SDK client would add ~85–135 kB to its
 * bundle (the schemas of every operation of that service); the calls are still reported to the SDK-call observers.
 * Each call is bounded by {@link SignedFetchOptions.timeoutMs}, so a hung connection cannot hold a webhook's answer or a
 * route until the function's own timeout.
 */
export function signedFetchClient(options: SignedFetchOptions): SignedFetchClient {
  const env = options.env ?? process.env;
  const region = options.region ?? env.AWS_REGION ?? 'us-east-1';
  const credentials = options.endpoint
    ? options.localCredentials
    : { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: env.AWS_SESSION_TOKEN };
  const client = new AwsClient({
    ...credentials,
    service: options.service,
    region,
    retries: RETRIES,
    initRetryMs: options.firstRetryMs ?? FIRST_RETRY_MS,
  });
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return {
    fetch: (url, init) => client.fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    sign: (input, init) => client.sign(input, init),
    region,
  };
}
