import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Context } from 'aws-lambda';
import { AGENT_SYNC_SCHEDULE_EXPRESSION, RECONCILE_SCHEDULE_EXPRESSION } from '@vfc/shared';
import { LOCAL_AWS } from './dynamodb/local-credentials.js';
import { localLambdaContext } from './http/lambda-context.js';
import { UnknownFunctionError } from './lambda-emulator/lambda-emulator.js';
import { runAsHandler } from './aws-call-recorder/handler-scope.js';

/** Role ARN the local schedules name (the emulator does not check it). */
export const LOCAL_SCHEDULER_ROLE_ARN = 'arn:aws:iam::000000000000:role/vfc-local-scheduler';

const localArn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:vfc-local-${name}`;

/** The non-HTTP handlers of the local stack (scheduler- or asynchronously invoked), by the ARN that targets them. */
export const LOCAL_FUNCTIONS = {
  dialer: { arn: localArn('dialer'), load: () => import('../handlers/dialer.js') },
  'agent-sync': { arn: localArn('agent-sync'), load: () => import('../handlers/agent-sync.js') },
  reconcile: { arn: localArn('reconcile'), load: () => import('../handlers/reconcile.js') },
  'apply-provider-event': { arn: localArn('apply-provider-event'), load: () => import('../handlers/apply-provider-event.js') },
  'sync-knowledge': { arn: localArn('sync-knowledge'), load: () => import('../handlers/sync-knowledge.js') },
} as const;
export type LocalFunctionName = keyof typeof LOCAL_FUNCTIONS;

/** ARN the webhook invokes asynchronously (`PROVIDER_EVENT_FUNCTION_ARN`). */
export const LOCAL_PROVIDER_EVENT_ARN = LOCAL_FUNCTIONS['apply-provider-event'].arn;

/** ARN the knowledge handlers invoke asynchronously (`KNOWLEDGE_SYNC_FUNCTION_ARN`). */
export const LOCAL_KNOWLEDGE_SYNC_ARN = LOCAL_FUNCTIONS['sync-knowledge'].arn;

/** ARN the local call schedules target (the dialer). */
export const LOCAL_DIALER_ARN = LOCAL_FUNCTIONS.dialer.arn;

/**
 * Runs the REAL handler a schedule or an asynchronous invocation targets, in process, with its input (what Lambda
 * would receive). `arn` may also be the function's name (`vfc-local-<handler>`), as Lambda's Invoke accepts both.
 * @throws UnknownFunctionError for an ARN that names no local function (the emulators then retry and dead-letter, like AWS).
 */
export async function invokeLocalFunction(arn: string, input: string): Promise<unknown> {
  const entry = Object.entries(LOCAL_FUNCTIONS).find(([, fn]) => fn.arn === arn || fn.arn.endsWith(`:function:${arn}`));
  if (!entry) throw new UnknownFunctionError(`No local function for ${arn}`);
  const [name, fn] = entry;
  const { handler } = (await fn.load()) as unknown as { handler: (event: unknown, context: Context) => Promise<unknown> };
  return runAsHandler(name, () => handler(JSON.parse(input || '{}'), localLambdaContext(name)));
}

/** The recurring jobs the CDK stack schedules, with the same expressions. */
export const LOCAL_RECURRING_JOBS = {
  'agent-sync': AGENT_SYNC_SCHEDULE_EXPRESSION,
  reconcile: RECONCILE_SCHEDULE_EXPRESSION,
} as const satisfies Partial<Record<LocalFunctionName, string>>;

/**
 * Local stand-in for a CDK recurring schedule: creates `vfc-local-<job>` (group `default`) in the scheduler emulator
 * through the real Scheduler client. Already there (a restarted file-backed stack) = fine.
 */
export async function createLocalRecurringSchedule(
  schedulerUrl: string,
  job: keyof typeof LOCAL_RECURRING_JOBS,
  expression: string = LOCAL_RECURRING_JOBS[job],
): Promise<void> {
  const client = new SchedulerClient({ endpoint: schedulerUrl, ...LOCAL_AWS });
  try {
    await client.send(
      new CreateScheduleCommand({
        Name: `vfc-local-${job}`,
        GroupName: 'default',
        ScheduleExpression: expression,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: LOCAL_FUNCTIONS[job].arn, RoleArn: LOCAL_SCHEDULER_ROLE_ARN, Input: '{}' },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error;
  } finally {
    client.destroy();
  }
}
