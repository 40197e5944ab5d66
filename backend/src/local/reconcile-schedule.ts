import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Context } from 'aws-lambda';
import { RECONCILE_SCHEDULE_EXPRESSION } from '@vfc/shared';
import { LOCAL_AWS } from './dynamodb/local-credentials.js';
import { localLambdaContext } from './http/lambda-context.js';

/** ARN the local recurring reconcile schedule targets; the local stack maps it to `handlers/reconcile.ts`. */
export const LOCAL_RECONCILE_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:vfc-local-reconcile';
/** Name of the local recurring schedule (group `default`). */
export const LOCAL_RECONCILE_SCHEDULE = 'vfc-local-reconcile';

/** Runs the real reconcile handler in process (what the scheduler emulator invokes for {@link LOCAL_RECONCILE_ARN}). */
export async function invokeReconcile(): Promise<unknown> {
  const { handler } = (await import('../handlers/reconcile.js')) as { handler: (e: unknown, c: Context) => Promise<unknown> };
  return handler({}, localLambdaContext('reconcile'));
}

/**
 * Local stand-in for the CDK's recurring reconcile schedule: `rate(5 minutes)` (RECONCILE_SCHEDULE_EXPRESSION, on the
 * stack's clock — every 0.5 s of real time at time scale 600) in the scheduler emulator. Already there (a restarted
 * file-backed stack) = fine.
 */
export async function startLocalReconcile(schedulerUrl: string, roleArn: string, expression = RECONCILE_SCHEDULE_EXPRESSION): Promise<void> {
  const client = new SchedulerClient({ endpoint: schedulerUrl, ...LOCAL_AWS });
  try {
    await client.send(
      new CreateScheduleCommand({
        Name: LOCAL_RECONCILE_SCHEDULE,
        GroupName: 'default',
        ScheduleExpression: expression,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: LOCAL_RECONCILE_ARN, RoleArn: roleArn, Input: '{}' },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error;
  } finally {
    client.destroy();
  }
}
