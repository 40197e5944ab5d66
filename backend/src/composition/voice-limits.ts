import { VAPI_DEFAULT_CONCURRENCY_LIMIT } from '@vfc/shared';
import { concurrencyLimitFromEnv, limitFromEnv } from './storage.js';

/** `VAPI_CONCURRENCY_LIMIT`: the platform Vapi organisation's limit (positive integer), else Vapi's default of 10. @throws Error when malformed. */
export function vapiConcurrencyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return limitFromEnv('VAPI_CONCURRENCY_LIMIT', VAPI_DEFAULT_CONCURRENCY_LIMIT, env);
}

/** The platform accounts' concurrency limits: Retell `RETELL_CONCURRENCY_LIMIT` (default 20), Vapi `VAPI_CONCURRENCY_LIMIT` (default 10). */
export function platformLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): { retell: number; vapi: number } {
  return { retell: concurrencyLimitFromEnv(env), vapi: vapiConcurrencyLimitFromEnv(env) };
}
