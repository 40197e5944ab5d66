import { readBody, sendJson, startHttpServer } from '../emulator-kit/http-server.js';
import { createRouter } from '../emulator-kit/router.js';

/**
 * Lambda's asynchronous-invocation retries: after a function error the event is retried twice, about 1 and 2 minutes
 * later (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html). The local default keeps
 * the count and shortens the waits to real ms.
 */
export const LOCAL_ASYNC_RETRY_DELAYS_MS = [1_000, 2_000] as const;

/** Options of {@link startLambdaEmulator}. */
export interface LambdaEmulatorOptions {
  /**
   * Runs a function with a payload (the JSON body as sent) and resolves with its result.
   * @throws `UnknownFunctionError` for a name/ARN it does not know (→ 404 ResourceNotFoundException).
   */
  invoke(functionName: string, payload: string): Promise<unknown>;
  /** Waits before each retry of a failed asynchronous invocation, real ms (default {@link LOCAL_ASYNC_RETRY_DELAYS_MS}). */
  retryDelaysMs?: readonly number[];
  /** Told about an asynchronous invocation that failed every attempt (AWS: its on-failure destination / dropped). */
  onDropped?(functionName: string, error: unknown): void;
  port?: number;
}

/** Thrown by {@link LambdaEmulatorOptions.invoke} for a function that is not deployed locally. */
export class UnknownFunctionError extends Error {}

/** What the emulator did so far. */
export interface LambdaEmulatorStats {
  /** Asynchronous invocations accepted (202). */
  accepted: number;
  /** Attempts that threw (each retried until the retries run out). */
  failedAttempts: number;
  /** Asynchronous invocations that failed every attempt. */
  dropped: number;
}

/** A running Lambda Invoke stand-in. */
export interface LambdaEmulator {
  /** Endpoint for `new LambdaClient({ endpoint: url, ...LOCAL_AWS })`. */
  url: string;
  stats(): LambdaEmulatorStats;
  /** Resolves when every asynchronous invocation accepted so far has succeeded or been dropped. */
  settled(): Promise<void>;
  /** Cancels pending retries, waits for running invocations, closes the server. */
  stop(): Promise<void>;
  /**
   * Closes the server at once, as when our stack crashes; accepted invocations keep running and retrying — Lambda's
   * queue is not ours, it outlives a crash of the caller.
   */
  crash(): Promise<void>;
}

/**
 * A local stand-in for the Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`), so the real
 * `@aws-sdk/client-lambda` runs against it. `X-Amz-Invocation-Type: Event` → 202 at once, then the function runs in
 * the background, fire-and-forget, retried on error as Lambda does; otherwise (`RequestResponse`) it runs and answers
 * 200 with the result (`X-Amz-Function-Error: Unhandled` when it threw).
 */
export async function startLambdaEmulator(options: LambdaEmulatorOptions): Promise<LambdaEmulator> {
  const delays = options.retryDelaysMs ?? LOCAL_ASYNC_RETRY_DELAYS_MS;
  const stats: LambdaEmulatorStats = { accepted: 0, failedAttempts: 0, dropped: 0 };
  const running = new Set<Promise<void>>();
  /** Pending retry waits: timer → resolve(false) to cancel it. */
  const waits = new Map<NodeJS.Timeout, (go: boolean) => void>();
  let stopping = false;

  /** Resolves true after `ms`, false when cancelled by `stop()`. */
  const wait = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => (waits.delete(timer), resolve(true)), ms);
      waits.set(timer, resolve);
    });

  async function runAsync(name: string, payload: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await options.invoke(name, payload);
        return;
      } catch (error) {
        stats.failedAttempts += 1;
        if (attempt >= delays.length || stopping || !(await wait(delays[attempt]!))) {
          stats.dropped += 1;
          options.onDropped?.(name, error);
          return;
        }
      }
    }
  }

  const handler = createRouter(
    [
      {
        method: 'POST',
        path: '/2015-03-31/functions/:name/invocations',
        handler: async ({ req, res, params }) => {
          const name = params.name ?? '';
          const payload = await readBody(req);
          if (req.headers['x-amz-invocation-type'] === 'Event') {
            stats.accepted += 1;
            const run = runAsync(name, payload).finally(() => running.delete(run));
            running.add(run);
            res.writeHead(202).end();
            return;
          }
          try {
            sendJson(res, 200, (await options.invoke(name, payload)) ?? null);
          } catch (error) {
            if (error instanceof UnknownFunctionError) {
              res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
              res.end(JSON.stringify({ Type: 'User', message: error.message }));
              return;
            }
            sendJson(res, 200, { errorMessage: error instanceof Error ? error.message : String(error) }, { 'x-amz-function-error': 'Unhandled' });
          }
        },
      },
    ],
    ({ res }) => sendJson(res, 404, { message: 'Not Found' }),
  );
  const server = await startHttpServer(handler, options.port ?? 0);
  const settled = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  return {
    url: server.url,
    stats: () => ({ ...stats }),
    settled,
    stop: async () => {
      stopping = true;
      for (const [timer, resolve] of waits) {
        clearTimeout(timer);
        resolve(false);
      }
      waits.clear();
      await server.stop();
      await settled();
    },
    crash: () => server.stop(),
  };
}
