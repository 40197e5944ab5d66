import { RETELL_DEFAULT_CONCURRENCY_LIMIT } from '@vfc/shared';

/**
 * Timing of the provider-concurrency slots (backend clock: the wall clock in AWS, the scaled clock locally).
 */

/**
 * How long a slot is leased when a call is dialled, ms: Retell's default `max_call_duration_ms` (1 hour, the agent
 * setting; docs/retell.md) plus 5 minutes for the `call_ended` webhook. A lease still held after this was never
 * released (lost webhook, crash) and the reconciler reclaims it.
 */
export const SLOT_LEASE_MS = 65 * 60_000;

/**
 * How long the whole line waits after Retell answers 429 / `concurrency_limit_reached`, ms. Nothing is dialled in
 * that time (no 429 storm); the refused call keeps its place and a wake-up schedule restarts the line afterwards.
 */
export const RATE_LIMIT_PAUSE_MS = 5_000;

/** The default concurrency limit: Retell pay-as-you-go workspaces allow 20 concurrent calls (docs/retell.md). */
export const DEFAULT_CONCURRENCY_LIMIT = RETELL_DEFAULT_CONCURRENCY_LIMIT;
