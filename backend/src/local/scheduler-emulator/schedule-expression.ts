import { Cron } from 'croner';
import { instantAtWallTime, parseWallTime } from '@vfc/shared/domain/zone-clock';
import { runtimeKnowsZone } from '@vfc/shared/domain/time-zone-support';

/**
 * A parsed EventBridge Scheduler expression
 * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html).
 */
export type ScheduleExpression =
  | { kind: 'at'; /** UTC epoch ms of the one-time invocation. */ atMs: number }
  | { kind: 'rate'; /** Period in ms. */ everyMs: number }
  | { kind: 'cron'; /** Next fire time strictly after `afterMs` (UTC epoch ms), or undefined when none. */ next(afterMs: number): number | undefined };

/** Thrown for an expression or timezone the real service would reject with ValidationException. */
export class InvalidExpressionError extends Error {}

const AT = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((.+)\)$/;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `America/New_York`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  return runtimeKnowsZone(timeZone);
}

/**
 * Parses `at(yyyy-mm-ddThh:mm:ss)`, `rate(N minute[s]|hour[s]|day[s])` or the six-field AWS
 * `cron(minutes hours day-of-month month day-of-week year)`.
 * @param expression - the ScheduleExpression as sent to CreateSchedule.
 * @param timeZone - ScheduleExpressionTimezone (IANA); `at()` and `cron()` are wall-clock times in it. Default UTC.
 * @throws InvalidExpressionError for anything the real service would refuse.
 */
export function parseScheduleExpression(expression: string, timeZone = 'UTC'): ScheduleExpression {
  if (!isValidTimeZone(timeZone)) throw new InvalidExpressionError(`Invalid timezone: ${timeZone}`);
  const at = AT.exec(expression);
  if (at) {
    const wall = parseWallTime(at[1] ?? '');
    if (wall === undefined) throw new InvalidExpressionError(`Invalid Schedule Expression ${expression}.`);
    return { kind: 'at', atMs: instantAtWallTime(wall, timeZone) };
  }
  const rate = RATE.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const unit = rate[2] ?? '';
    // AWS: singular unit for 1, plural otherwise.
    if (value < 1 || (value === 1) !== !unit.endsWith('s')) {
      throw new InvalidExpressionError(`Invalid Schedule Expression ${expression}.`);
    }
    return { kind: 'rate', everyMs: value * (UNIT_MS[unit.replace(/s$/, '')] ?? 0) };
  }
  const cron = CRON.exec(expression);
  if (cron) return parseAwsCron(cron[1] ?? '', timeZone, expression);
  throw new InvalidExpressionError(`Invalid Schedule Expression ${expression}.`);
}

function parseAwsCron(fields: string, timeZone: string, expression: string): ScheduleExpression {
  const parts = fields.trim().split(/\s+/);
  const [, , dayOfMonth, , dayOfWeek] = parts;
  // AWS: six fields, and exactly one of day-of-month / day-of-week must be '?'.
  if (parts.length !== 6 || (dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new InvalidExpressionError(`Invalid Schedule Expression ${expression}.`);
  }
  let job: Cron;
  try {
    // croner in 7-part mode = seconds + the AWS six fields; AWS numbers weekdays 1=SUN..7=SAT (Quartz style).
    job = new Cron(`0 ${parts.join(' ')}`, {
      mode: '7-part',
      alternativeWeekdays: true,
      domAndDow: true,
      timezone: timeZone,
      sloppyRanges: true, // AWS accepts Quartz-style 'start/step' such as 0/15
      paused: true,
    });
  } catch (error) {
    throw new InvalidExpressionError(`Invalid Schedule Expression ${expression}. ${(error as Error).message}`);
  }
  return {
    kind: 'cron',
    next: (afterMs) => job.nextRun(new Date(afterMs))?.getTime() ?? undefined,
  };
}

/**
 * The first fire time strictly after `afterMs` for a recurring expression, honouring StartDate/EndDate.
 * `rate()` counts whole periods from `anchorMs` (StartDate, else the schedule's creation time): the first
 * invocation is one period after it. `at()` fires once at its time (a time already past is due at once).
 * @returns UTC epoch ms, or undefined when the schedule will not fire again.
 */
export function nextFireAfter(
  expression: ScheduleExpression,
  afterMs: number,
  window: { anchorMs: number; startMs?: number; endMs?: number },
): number | undefined {
  let next: number | undefined;
  if (expression.kind === 'at') {
    next = expression.atMs > afterMs ? expression.atMs : undefined;
  } else if (expression.kind === 'rate') {
    const periods = Math.max(1, Math.floor((afterMs - window.anchorMs) / expression.everyMs) + 1);
    next = window.anchorMs + periods * expression.everyMs;
  } else {
    next = expression.next(Math.max(afterMs, (window.startMs ?? afterMs) - 1));
  }
  if (next === undefined) return undefined;
  if (expression.kind !== 'at' && window.startMs !== undefined && next < window.startMs) return undefined;
  if (expression.kind !== 'at' && window.endMs !== undefined && next >= window.endMs) return undefined;
  return next;
}
