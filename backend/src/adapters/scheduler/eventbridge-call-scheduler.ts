import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { CallScheduler, DialEvent } from '../../ports/call-scheduler.js';
import { observeSdkClient } from '../aws/sdk-call-observers.js';

/** Where and how call schedules are created. */
export interface EventBridgeCallSchedulerConfig {
  /** Schedule group of the call schedules. */
  groupName: string;
  /** ARN of the dialer Lambda (the schedules' target). */
  dialerArn: string;
  /** Role EventBridge Scheduler assumes to invoke the dialer. */
  roleArn: string;
  /** SQS dead-letter queue for deliveries that still fail after the retry policy. */
  deadLetterArn?: string;
  /** Scheduler endpoint override (the local emulator). */
  endpoint?: string;
  region?: string;
}

/** Delivery retries of a schedule's target before the event goes to the dead-letter queue. */
export const TARGET_RETRY_POLICY = { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 };

/** `at()` wants `yyyy-mm-ddThh:mm:ss` (no zone: the zone is `ScheduleExpressionTimezone`). */
export function atExpression(at: Date): string {
  return `at(${at.toISOString().slice(0, 19)})`;
}

/**
 * {@link CallScheduler} on EventBridge Scheduler: one-time `at()` schedules in UTC that delete themselves after
 * firing (`ActionAfterCompletion: DELETE`), with a retry policy and a dead-letter queue.
 */
export class EventBridgeCallScheduler implements CallScheduler {
  private readonly client: SchedulerClient;

  constructor(private readonly config: EventBridgeCallSchedulerConfig) {
    this.client = observeSdkClient(new SchedulerClient({
      ...(config.region ? { region: config.region } : {}),
      ...(config.endpoint
        ? { endpoint: config.endpoint, region: config.region ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    }));
  }

  async schedule(name: string, at: Date, event: DialEvent): Promise<void> {
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: name,
          GroupName: this.config.groupName,
          ScheduleExpression: atExpression(at),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          ClientToken: name,
          Target: {
            Arn: this.config.dialerArn,
            RoleArn: this.config.roleArn,
            Input: JSON.stringify({
              callId: event.callId,
              attempt: event.attempt,
              dueAt: event.dueAt ?? at.toISOString(),
              ...(event.clinicId ? { clinicId: event.clinicId } : {}),
            } satisfies DialEvent),
            RetryPolicy: TARGET_RETRY_POLICY,
            ...(this.config.deadLetterArn ? { DeadLetterConfig: { Arn: this.config.deadLetterArn } } : {}),
          },
        }),
      );
    } catch (error) {
      if (error instanceof ConflictException) return; // same name → the same schedule already exists
      throw error;
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.config.groupName }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return; // fired (and deleted) already
      throw error;
    }
  }
}
