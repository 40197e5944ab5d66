import { VAPI_DEFAULT_CONCURRENCY_LIMIT } from '@vfc/shared';
import { concurrencyLimitFromEnv } from './storage.js';

/** `VAPI_CONCURRENCY_LIMIT`: the platform Vapi organisation's limit (positive integer), else Vapi's default of 10. @throws Error when malformed. */
export function vapiConcurrencyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.VAPI_CONCURRENCY_LIMIT;
  if (raw === undefined || raw === '') return VAPI_DEFAULT_CONCURRENCY_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`VAPI_CONCURRENCY_LIMIT must be a positive integer, got "${raw}"`);
  return limit;
}

/** The platform accounts' concurrency limits: Retell `RETELL_CONCURRENCY_LIMIT` (default 20), Vapi `VAPI_CONCURRENCY_LIMIT` (default 10). */
export function platformLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): { retell: number; vapi: number } {
  return { retell: concurrencyLimitFromEnv(env), vapi: vapiConcurrencyLimitFromEnv(env) };
}
