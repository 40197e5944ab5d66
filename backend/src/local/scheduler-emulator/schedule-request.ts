import * as z from '@vfc/shared/zod';

/**
 * The JSON body of CreateSchedule / UpdateSchedule as @aws-sdk/client-scheduler sends it (restJson1; timestamps
 * are epoch SECONDS). Mirrors https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html;
 * target kinds other than a plain ARN + Input (ECS, SQS, …) are accepted and kept but not interpreted.
 */
export const scheduleRequestSchema = z.object({
  ScheduleExpression: z.string().check(z.minLength(1), z.maxLength(256)),
  ScheduleExpressionTimezone: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  Target: z.looseObject({
    Arn: z.string().check(z.minLength(1), z.maxLength(1600)),
    RoleArn: z.string().check(z.minLength(1), z.maxLength(1600)),
    Input: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
    RetryPolicy: z.optional(
      z.object({
        MaximumEventAgeInSeconds: z.optional(z.int().check(z.gte(60), z.lte(86_400))),
        MaximumRetryAttempts: z.optional(z.int().check(z.gte(0), z.lte(185))),
      }),
    ),
    DeadLetterConfig: z.optional(z.object({ Arn: z.optional(z.string().check(z.minLength(1), z.maxLength(1600))) })),
  }),
  FlexibleTimeWindow: z
    .object({
      Mode: z.enum(['OFF', 'FLEXIBLE']),
      MaximumWindowInMinutes: z.optional(z.int().check(z.gte(1), z.lte(1440))),
    })
    .check(
      z.refine((w) => w.Mode === 'OFF' || w.MaximumWindowInMinutes !== undefined, {
        message: 'MaximumWindowInMinutes is required when Mode is FLEXIBLE',
      }),
    ),
  GroupName: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[0-9a-zA-Z\-_.]+$/))),
  StartDate: z.optional(z.number()),
  EndDate: z.optional(z.number()),
  Description: z.optional(z.string().check(z.maxLength(512))),
  State: z.optional(z.enum(['ENABLED', 'DISABLED'])),
  KmsKeyArn: z.optional(z.string()),
  ClientToken: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  ActionAfterCompletion: z.optional(z.enum(['NONE', 'DELETE'])),
});

export type ScheduleRequest = z.infer<typeof scheduleRequestSchema>;

/** Schedule and group names: 1–64 of `[0-9a-zA-Z-_.]` (AWS API reference). */
export const NAME_PATTERN = /^[0-9a-zA-Z\-_.]{1,64}$/;

/** AWS's defaults when a target has no RetryPolicy: 185 retries within 24 h. */
export const DEFAULT_RETRY_POLICY = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 } as const;

/** Turns a zod error into a one-line ValidationException message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
