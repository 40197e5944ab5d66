import type { ServerResponse } from 'node:http';
import { readBody, sendJson } from '../emulator-kit/http-server.js';
import type { Route, RouteContext } from '../emulator-kit/router.js';
import { AwsError, sendAwsError } from './aws-error.js';
import { describeIssues, NAME_PATTERN, scheduleRequestSchema, type ScheduleRequest, DEFAULT_RETRY_POLICY } from './schedule-request.js';
import type { ScheduleStore, StoredSchedule } from './schedule-store.js';

/** Epoch SECONDS, the restJson1 timestamp format the SDK parses. */
const seconds = (ms: number) => ms / 1000;

/**
 * The EventBridge Scheduler REST routes (paths and query names exactly as @aws-sdk/client-scheduler sends them).
 * Add an entry to support another operation.
 */
export function schedulerRoutes(store: ScheduleStore): Route[] {
  return [
    { method: 'POST', path: '/schedules/:Name', handler: handle(async (ctx) => {
      const schedule = store.create(validName(ctx.params.Name), await parseRequest(ctx));
      return { ScheduleArn: schedule.arn };
    }) },
    { method: 'PUT', path: '/schedules/:Name', handler: handle(async (ctx) => {
      const schedule = store.update(validName(ctx.params.Name), await parseRequest(ctx));
      return { ScheduleArn: schedule.arn };
    }) },
    { method: 'GET', path: '/schedules/:Name', handler: handle((ctx) =>
      describeSchedule(store.get(validName(ctx.params.Name), ctx.url.searchParams.get('groupName') ?? undefined))) },
    { method: 'DELETE', path: '/schedules/:Name', handler: handle((ctx) => {
      store.delete(validName(ctx.params.Name), ctx.url.searchParams.get('groupName') ?? undefined);
      return {};
    }) },
    { method: 'GET', path: '/schedules', handler: handle((ctx) => listSchedules(store, ctx.url.searchParams)) },
    { method: 'POST', path: '/schedule-groups/:Name', handler: handle((ctx) =>
      ({ ScheduleGroupArn: store.createGroup(validName(ctx.params.Name)).arn })) },
    { method: 'GET', path: '/schedule-groups/:Name', handler: handle((ctx) => {
      const group = store.getGroup(validName(ctx.params.Name));
      return { Arn: group.arn, Name: group.name, State: 'ACTIVE', CreationDate: seconds(group.creationMs), LastModificationDate: seconds(group.creationMs) };
    }) },
    { method: 'DELETE', path: '/schedule-groups/:Name', handler: handle((ctx) => {
      store.deleteGroup(validName(ctx.params.Name));
      return {};
    }) },
  ];
}

/** Route table fallback: an operation the emulator does not implement. */
export function unknownOperation({ req, res, url }: RouteContext): void {
  sendAwsError(res, new AwsError('UnknownOperationException', `${req.method} ${url.pathname} is not emulated`));
}

function handle(op: (ctx: RouteContext) => unknown): (ctx: RouteContext) => Promise<void> {
  return async (ctx) => {
    try {
      sendJson(ctx.res, 200, await op(ctx));
    } catch (error) {
      if (error instanceof AwsError) return sendAwsError(ctx.res as ServerResponse, error);
      throw error;
    }
  };
}

function validName(name: string | undefined): string {
  if (!name || !NAME_PATTERN.test(name)) throw new AwsError('ValidationException', `Invalid name: ${name ?? ''}`);
  return name;
}

async function parseRequest(ctx: RouteContext): Promise<ScheduleRequest> {
  let json: unknown;
  try {
    json = JSON.parse((await readBody(ctx.req)) || '{}');
  } catch {
    throw new AwsError('ValidationException', 'Request body is not valid JSON');
  }
  const parsed = scheduleRequestSchema.safeParse(json);
  if (!parsed.success) throw new AwsError('ValidationException', describeIssues(parsed.error));
  return parsed.data;
}

/** GetSchedule output, with AWS's defaults filled in (group, state, retry policy, action). */
function describeSchedule(s: StoredSchedule): Record<string, unknown> {
  const r = s.request;
  return {
    Arn: s.arn,
    GroupName: s.groupName,
    Name: s.name,
    ScheduleExpression: r.ScheduleExpression,
    ScheduleExpressionTimezone: r.ScheduleExpressionTimezone,
    StartDate: r.StartDate,
    EndDate: r.EndDate,
    Description: r.Description,
    State: r.State ?? 'ENABLED',
    CreationDate: seconds(s.creationMs),
    LastModificationDate: seconds(s.lastModifiedMs),
    KmsKeyArn: r.KmsKeyArn,
    Target: { ...r.Target, RetryPolicy: { ...DEFAULT_RETRY_POLICY, ...r.Target.RetryPolicy } },
    FlexibleTimeWindow: r.FlexibleTimeWindow,
    ActionAfterCompletion: r.ActionAfterCompletion ?? 'NONE',
  };
}

/** ListSchedules: query `ScheduleGroup`, `NamePrefix`, `State`, `MaxResults` (≤ 100), `NextToken` (an offset). */
function listSchedules(store: ScheduleStore, query: URLSearchParams): Record<string, unknown> {
  const group = query.get('ScheduleGroup');
  const prefix = query.get('NamePrefix') ?? '';
  const state = query.get('State');
  const max = Math.min(Number(query.get('MaxResults') ?? 100) || 100, 100);
  const offset = Number(query.get('NextToken') ?? 0) || 0;
  const matching = store
    .list()
    .filter((s) => (group ? s.groupName === group : true))
    .filter((s) => s.name.startsWith(prefix))
    .filter((s) => (state ? (s.request.State ?? 'ENABLED') === state : true));
  const page = matching.slice(offset, offset + max);
  return {
    Schedules: page.map((s) => ({
      Arn: s.arn,
      Name: s.name,
      GroupName: s.groupName,
      State: s.request.State ?? 'ENABLED',
      CreationDate: seconds(s.creationMs),
      LastModificationDate: seconds(s.lastModifiedMs),
      Target: { Arn: s.request.Target.Arn },
    })),
    NextToken: offset + max < matching.length ? String(offset + max) : undefined,
  };
}
