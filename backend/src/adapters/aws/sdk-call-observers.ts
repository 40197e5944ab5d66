/**
 * One AWS SDK request as an observer sees it: the client (`DynamoDBClient`, `SchedulerClient`, `LambdaClient`,
 * `SecretsManagerClient`), the command (`PutItemCommand`, …) and the command's input as sent.
 */
export interface SdkCallObservation {
  client: string;
  command: string;
  input: Readonly<Record<string, unknown>>;
}

/** Sees every AWS SDK request of the clients passed through {@link observeSdkClient} (and the reads noted by {@link noteSdkCall}). */
export type SdkCallObserver = (call: SdkCallObservation) => void;

const observers = new Set<SdkCallObserver>();

/**
 * Registers an observer (the local stack's permission recorder; nothing registers one in AWS, so there every client
 * pays one empty loop per request). @returns a function that removes it again.
 */
export function addSdkCallObserver(observer: SdkCallObserver): () => void {
  observers.add(observer);
  return () => void observers.delete(observer);
}

/** Reports a request to the observers; for a read that is not an SDK client of ours (the Powertools secret read). */
export function noteSdkCall(call: SdkCallObservation): void {
  for (const observer of observers) observer(call);
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (next: (args: { input: object }) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => (args: { input: object }) => Promise<unknown>,
      options: { step: 'initialize'; name: string; override?: boolean },
    ): void;
  };
}

/**
 * Adds an `initialize`-step middleware to an AWS SDK v3 client that reports each command to the registered
 * observers before it is sent. @returns the same client.
 */
export function observeSdkClient<C>(client: C): C {
  (client as unknown as MiddlewareClient).middlewareStack.add(
    (next, context) => async (args) => {
      if (observers.size > 0) {
        noteSdkCall({ client: context.clientName ?? 'unknown', command: context.commandName ?? 'unknown', input: args.input as Record<string, unknown> });
      }
      return next(args);
    },
    { step: 'initialize', name: 'vfcSdkCallObserver', override: true },
  );
  return client;
}
