import type { Clock } from '../../ports/clock.js';
import { systemClock } from './system-clock.js';

/**
 * A clock that runs `scale` times faster than real time, for the LOCAL STACK ONLY (retries 5/10/20 minutes apart
 * happen in seconds). Virtual now = `originMs + (realNow − originMs) × scale`: at the real instant `originMs` the
 * virtual clock equals the wall clock, then it runs ahead. Two processes (or two modules) given the same origin and
 * scale read the same virtual time, which is how the backend and the scheduler emulator agree.
 */
export interface ScaledClockOptions {
  /** Virtual ms per real ms (e.g. 600: one virtual minute per 100 real ms). Must be ≥ 1. */
  scale: number;
  /** Real epoch ms at which virtual time equals real time. */
  originMs: number;
  /** The real clock, epoch ms (default `Date.now`); injectable for tests. */
  realNow?: () => number;
}

/** A {@link Clock} plus the same time as epoch ms (what the scheduler emulator's `now` option takes). */
export interface ScaledClock extends Clock {
  nowMs(): number;
  readonly scale: number;
  readonly originMs: number;
}

/** @throws RangeError when `scale` is not a finite number ≥ 1 or `originMs` is not finite. */
export function createScaledClock(options: ScaledClockOptions): ScaledClock {
  const { scale, originMs } = options;
  if (!Number.isFinite(scale) || scale < 1) throw new RangeError('scale must be a finite number ≥ 1');
  if (!Number.isFinite(originMs)) throw new RangeError('originMs must be a finite epoch ms');
  const realNow = options.realNow ?? Date.now;
  const nowMs = () => originMs + (realNow() - originMs) * scale;
  return { scale, originMs, nowMs, now: () => new Date(nowMs()) };
}

/** Environment variables of the local time scale (never set in AWS). */
export const LOCAL_TIME_ENV = {
  /** Virtual ms per real ms; unset or 1 = the wall clock. */
  scale: 'LOCAL_TIME_SCALE',
  /** Real epoch ms at which virtual time equals real time; set by the local stack so every module agrees. */
  origin: 'LOCAL_TIME_ORIGIN',
} as const;

/**
 * The clock the backend runs on: the wall clock, unless `LOCAL_TIME_SCALE` (> 1) is set — then a scaled clock
 * with origin `LOCAL_TIME_ORIGIN` (required with it). Only the local stack sets these.
 * @throws Error when the variables are malformed.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const rawScale = env[LOCAL_TIME_ENV.scale];
  if (rawScale === undefined || rawScale === '' || Number(rawScale) === 1) return systemClock;
  const scale = Number(rawScale);
  const originMs = Number(env[LOCAL_TIME_ENV.origin]);
  if (!Number.isFinite(scale) || scale < 1) throw new Error(`${LOCAL_TIME_ENV.scale} must be a number ≥ 1, got "${rawScale}"`);
  if (!env[LOCAL_TIME_ENV.origin] || !Number.isFinite(originMs)) {
    throw new Error(`${LOCAL_TIME_ENV.origin} (real epoch ms) must be set with ${LOCAL_TIME_ENV.scale}`);
  }
  return createScaledClock({ scale, originMs });
}
