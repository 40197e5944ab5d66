import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `fn` as handler `name`: every AWS SDK request it (and work it awaits) sends is attributed to that handler. */
export function runAsHandler<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return scope.run(name, fn);
}

/** The handler the current code runs for, when the local stack invoked one. */
export function currentHandler(): string | undefined {
  return scope.getStore();
}
