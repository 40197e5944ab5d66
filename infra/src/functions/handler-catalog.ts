import { fileURLToPath } from 'node:url';
import { API_ROUTES } from '@vfc/shared/api/routes';
import { ASYNC_HANDLERS, SCHEDULED_HANDLERS } from '@vfc/shared/ops/observability';

/**
 * Every Lambda function the backend deploys, derived from the shared route table ({@link API_ROUTES}), the
 * scheduler-invoked handlers ({@link SCHEDULED_HANDLERS}), the asynchronously invoked ones ({@link ASYNC_HANDLERS}) and
 * the HTTP API's Lambda authorizer. Adding a route in
 * `shared` adds its function here; nothing else to edit except, ideally, its entry in the permission map.
 */
export const AUTHORIZER_HANDLER = 'authorizer';

/** Folder of the backend's Lambda entry points (`backend/src/handlers/<name>.ts`, each exporting `handler`). */
export const HANDLERS_DIR = fileURLToPath(new URL('../../../backend/src/handlers/', import.meta.url));

/** Root of the pnpm workspace (the lock file lives here; esbuild resolves workspace packages from here). */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Names of all handlers, each once, in a stable order: routes first, then scheduled, then async ones, then the authorizer. */
export function handlerNames(): string[] {
  const names = [...API_ROUTES.map((route) => route.handler as string), ...SCHEDULED_HANDLERS, ...ASYNC_HANDLERS, AUTHORIZER_HANDLER];
  return [...new Set(names)];
}

/** Absolute path of a handler's entry file. */
export function handlerEntry(name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Not a handler name: ${name}`);
  return `${HANDLERS_DIR}${name}.ts`;
}
