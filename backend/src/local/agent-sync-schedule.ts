import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Context } from 'aws-lambda';
import { AGENT_SYNC_SCHEDULE_EXPRESSION } from '@vfc/shared';
import { LOCAL_AWS } from './dynamodb/local-credentials.js';
import { localLambdaContext } from './http/lambda-context.js';

/** ARN the local recurring agent-sync schedule targets; the local stack maps it to `handlers/agent-sync.ts`. */
export const LOCAL_AGENT_SYNC_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:vfc-local-agent-sync';
/** Name of the local recurring schedule (group `default`). */
export const LOCAL_AGENT_SYNC_SCHEDULE = 'vfc-local-agent-sync';

/** Runs the real agent-sync handler in process (what the scheduler emulator invokes for {@link LOCAL_AGENT_SYNC_ARN}). */
export async function invokeAgentSync(): Promise<unknown> {
  const { handler } = (await import('../handlers/agent-sync.js')) as { handler: (e: unknown, c: Context) => Promise<unknown> };
  return handler({}, localLambdaContext('agent-sync'));
}

/**
 * Local stand-in for the CDK's recurring schedule: creates `rate(6 hours)` (AGENT_SYNC_SCHEDULE_EXPRESSION) in the
 * scheduler emulator through the real Scheduler client, then runs one sync right away so the registry knows the
 * simulator's agents (the demo clinic's agent among them) from the start.
 */
export async function startLocalAgentSync(schedulerUrl: string, roleArn: string): Promise<void> {
  const client = new SchedulerClient({ endpoint: schedulerUrl, ...LOCAL_AWS });
  await client.send(
    new CreateScheduleCommand({
      Name: LOCAL_AGENT_SYNC_SCHEDULE,
      GroupName: 'default',
      ScheduleExpression: AGENT_SYNC_SCHEDULE_EXPRESSION,
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: LOCAL_AGENT_SYNC_ARN, RoleArn: roleArn, Input: '{}' },
    }),
  );
  client.destroy();
  await invokeAgentSync();
}
