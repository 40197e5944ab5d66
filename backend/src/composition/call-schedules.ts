import type { Dependencies } from '../app/dependencies.js';
import { EventBridgeCallScheduler } from '../adapters/scheduler/eventbridge-call-scheduler.js';
import { requireEnv, storageDependencies, type StorageDependencies } from './storage.js';

/**
 * The EventBridge Scheduler adapter from the environment (`SCHEDULE_GROUP_NAME`, `DIALER_TARGET_ARN`,
 * `SCHEDULER_ROLE_ARN`, optional `SCHEDULER_DLQ_ARN`; `SCHEDULER_ENDPOINT` locally).
 * @throws Error naming a missing variable.
 */
export function createCallScheduler(env: NodeJS.ProcessEnv = process.env): EventBridgeCallScheduler {
  return new EventBridgeCallScheduler({
    groupName: requireEnv('SCHEDULE_GROUP_NAME', env),
    dialerArn: requireEnv('DIALER_TARGET_ARN', env),
    roleArn: requireEnv('SCHEDULER_ROLE_ARN', env),
    deadLetterArn: env.SCHEDULER_DLQ_ARN,
    endpoint: env.SCHEDULER_ENDPOINT,
    region: env.AWS_REGION,
  });
}

/** The table and the call schedules only: what cancelling calls needs (no phone-zone data, no provider). */
export type CallScheduleDependencies = StorageDependencies & Pick<Dependencies, 'scheduler'>;

let cachedSchedules: CallScheduleDependencies | undefined;

/** The process-wide {@link CallScheduleDependencies} (cancel-call, add-opt-out), built on first use. */
export function callScheduleDependencies(): CallScheduleDependencies {
  cachedSchedules ??= { ...storageDependencies(), scheduler: createCallScheduler() };
  return cachedSchedules;
}

