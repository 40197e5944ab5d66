import { AwsError } from './aws-error.js';
import { InvalidExpressionError, nextFireAfter, parseScheduleExpression, type ScheduleExpression } from './schedule-expression.js';
import type { ScheduleRequest } from './schedule-request.js';

/** Account and region baked into emulator ARNs. */
export const EMULATOR_ACCOUNT = '000000000000';
export const EMULATOR_REGION = 'us-east-1';

/** One schedule as the emulator keeps it. Times are UTC epoch ms. */
export interface StoredSchedule {
  name: string;
  groupName: string;
  arn: string;
  request: ScheduleRequest;
  expression: ScheduleExpression;
  creationMs: number;
  lastModifiedMs: number;
  /** When it is next due; undefined once a one-time schedule has fired (or a recurring one has ended). */
  nextFireMs: number | undefined;
  /** How many times it has fired (deliveries, not retries). */
  firedCount: number;
  lastFiredMs: number | undefined;
  /** Bumped by every UpdateSchedule; lets the firing engine see a change made while a target ran. */
  revision: number;
  /** Due time of a delivery that has started and not finished (a restart from the state file delivers it again). */
  deliveringMs?: number;
}

/** A schedule group. */
export interface StoredGroup {
  name: string;
  arn: string;
  creationMs: number;
}

const key = (groupName: string, name: string) => `${groupName}/${name}`;

/**
 * In-memory schedules and schedule groups with AWS's rules for existence and conflicts.
 * The "default" group always exists.
 */
export class ScheduleStore {
  private readonly byKey = new Map<string, StoredSchedule>();
  private readonly groups = new Map<string, StoredGroup>();

  /** Called after every change (the file-backed mode saves the store). */
  onChange: () => void = () => undefined;

  constructor(private readonly now: () => number) {
    this.groups.set('default', { name: 'default', arn: groupArn('default'), creationMs: now() });
  }

  /** Tells the store a schedule's firing state changed (the firing engine calls it). */
  changed(): void {
    this.onChange();
  }

  /** Every group (for saving). */
  listGroups(): StoredGroup[] {
    return [...this.groups.values()];
  }

  /** Puts back a saved group / schedule (file-backed mode, at start-up); the expression is parsed again. */
  restore(groups: StoredGroup[], schedules: Omit<StoredSchedule, 'expression'>[]): void {
    for (const group of groups) this.groups.set(group.name, group);
    for (const saved of schedules) {
      const schedule: StoredSchedule = { ...saved, expression: parse(saved.request) };
      // A delivery cut short by the restart is delivered again (at-least-once, as the real service).
      if (schedule.deliveringMs !== undefined) {
        schedule.nextFireMs = schedule.deliveringMs;
        delete schedule.deliveringMs;
      }
      this.byKey.set(key(schedule.groupName, schedule.name), schedule);
    }
  }

  /** CreateSchedule. A retry with the same ClientToken returns the existing schedule (idempotent). */
  create(name: string, request: ScheduleRequest): StoredSchedule {
    const groupName = this.requireGroup(request.GroupName);
    const existing = this.byKey.get(key(groupName, name));
    if (existing) {
      if (request.ClientToken && existing.request.ClientToken === request.ClientToken) return existing;
      throw new AwsError('ConflictException', `Schedule ${name} already exists.`);
    }
    const nowMs = this.now();
    const schedule: StoredSchedule = {
      name,
      groupName,
      arn: `arn:aws:scheduler:${EMULATOR_REGION}:${EMULATOR_ACCOUNT}:schedule/${groupName}/${name}`,
      request,
      expression: parse(request),
      creationMs: nowMs,
      lastModifiedMs: nowMs,
      nextFireMs: undefined,
      firedCount: 0,
      lastFiredMs: undefined,
      revision: 0,
    };
    schedule.nextFireMs = firstFire(schedule, nowMs);
    this.byKey.set(key(groupName, name), schedule);
    this.onChange();
    return schedule;
  }

  /** UpdateSchedule: replaces the whole definition (unset optional fields go back to defaults), re-arms it. */
  update(name: string, request: ScheduleRequest): StoredSchedule {
    const groupName = this.requireGroup(request.GroupName);
    const schedule = this.get(name, groupName);
    const nowMs = this.now();
    schedule.request = request;
    schedule.expression = parse(request);
    schedule.lastModifiedMs = nowMs;
    schedule.revision += 1;
    schedule.nextFireMs = firstFire(schedule, nowMs);
    this.onChange();
    return schedule;
  }

  /** GetSchedule; ResourceNotFoundException when absent. */
  get(name: string, groupName = 'default'): StoredSchedule {
    const schedule = this.byKey.get(key(groupName, name));
    if (!schedule) throw new AwsError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
    return schedule;
  }

  /** DeleteSchedule; ResourceNotFoundException when absent. */
  delete(name: string, groupName = 'default'): void {
    this.get(name, groupName);
    this.byKey.delete(key(groupName, name));
    this.onChange();
  }

  /**
   * Removes a schedule only if it is still this object at this revision: used for ActionAfterCompletion DELETE
   * once its invocation completed, so a schedule the target updated or re-created meanwhile is kept.
   */
  deleteIfUnchanged(schedule: StoredSchedule, revision: number): void {
    if (this.byKey.get(key(schedule.groupName, schedule.name)) === schedule && schedule.revision === revision) {
      this.byKey.delete(key(schedule.groupName, schedule.name));
      this.onChange();
    }
  }

  /** Every schedule, sorted by group then name (ListSchedules order). */
  list(): StoredSchedule[] {
    return [...this.byKey.values()].sort((a, b) => key(a.groupName, a.name).localeCompare(key(b.groupName, b.name)));
  }

  /** CreateScheduleGroup; ConflictException when it exists. */
  createGroup(name: string): StoredGroup {
    if (this.groups.has(name)) throw new AwsError('ConflictException', `Schedule group ${name} already exists.`);
    const group = { name, arn: groupArn(name), creationMs: this.now() };
    this.groups.set(name, group);
    this.onChange();
    return group;
  }

  /** GetScheduleGroup; ResourceNotFoundException when absent. */
  getGroup(name: string): StoredGroup {
    const group = this.groups.get(name);
    if (!group) throw new AwsError('ResourceNotFoundException', `Schedule group ${name} does not exist.`);
    return group;
  }

  /** DeleteScheduleGroup: removes the group and its schedules. The default group cannot be deleted. */
  deleteGroup(name: string): void {
    this.getGroup(name);
    if (name === 'default') throw new AwsError('ValidationException', 'The default schedule group cannot be deleted.');
    this.groups.delete(name);
    for (const schedule of this.list()) if (schedule.groupName === name) this.byKey.delete(key(name, schedule.name));
    this.onChange();
  }

  private requireGroup(groupName = 'default'): string {
    this.getGroup(groupName);
    return groupName;
  }
}

function groupArn(name: string): string {
  return `arn:aws:scheduler:${EMULATOR_REGION}:${EMULATOR_ACCOUNT}:schedule-group/${name}`;
}

function parse(request: ScheduleRequest): ScheduleExpression {
  try {
    return parseScheduleExpression(request.ScheduleExpression, request.ScheduleExpressionTimezone ?? 'UTC');
  } catch (error) {
    if (error instanceof InvalidExpressionError) throw new AwsError('ValidationException', error.message);
    throw error;
  }
}

/** First due time: an at() time as given (a past one is due at once); rate/cron the next one after now. */
function firstFire(schedule: StoredSchedule, nowMs: number): number | undefined {
  const { expression, request } = schedule;
  if (expression.kind === 'at') return expression.atMs;
  const startMs = request.StartDate === undefined ? undefined : request.StartDate * 1000;
  const endMs = request.EndDate === undefined ? undefined : request.EndDate * 1000;
  return nextFireAfter(expression, nowMs, { anchorMs: startMs ?? nowMs, startMs, endMs });
}

/** The due time after a firing at `firedMs` (skipping missed periods), or undefined for one-time schedules. */
export function nextFireAfterFiring(schedule: StoredSchedule, firedMs: number): number | undefined {
  const { expression, request } = schedule;
  if (expression.kind === 'at') return undefined;
  const startMs = request.StartDate === undefined ? undefined : request.StartDate * 1000;
  const endMs = request.EndDate === undefined ? undefined : request.EndDate * 1000;
  return nextFireAfter(expression, firedMs, { anchorMs: startMs ?? schedule.lastModifiedMs, startMs, endMs });
}
