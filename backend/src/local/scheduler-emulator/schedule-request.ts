import * as z from 'zod';

/**
 * The JSON body of CreateSchedule / UpdateSchedule as @aws-sdk/client-scheduler sends it (restJson1; timestamps
 * are epoch SECONDS). Mirrors https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html;
 * target kinds other than a plain ARN + Input (ECS, SQS, …) are accepted and kept but not interpreted.
 */
export const scheduleRequestSchema = z.object({
  ScheduleExpression: z.string().min(1).max(256),
  ScheduleExpressionTimezone: z.string().min(1).max(50).optional(),
  Target: z
    .object({
      Arn: z.string().min(1).max(1600),
      RoleArn: z.string().min(1).max(1600),
      Input: z.string().min(1).max(8192).optional(),
      RetryPolicy: z
        .object({
          MaximumEventAgeInSeconds: z.number().int().min(60).max(86_400).optional(),
          MaximumRetryAttempts: z.number().int().min(0).max(185).optional(),
        })
        .optional(),
      DeadLetterConfig: z.object({ Arn: z.string().min(1).max(1600).optional() }).optional(),
    })
    .loose(),
  FlexibleTimeWindow: z
    .object({
      Mode: z.enum(['OFF', 'FLEXIBLE']),
      MaximumWindowInMinutes: z.number().int().min(1).max(1440).optional(),
    })
    .refine((w) => w.Mode === 'OFF' || w.MaximumWindowInMinutes !== undefined, {
      message: 'MaximumWindowInMinutes is required when Mode is FLEXIBLE',
    }),
  GroupName: z.string().min(1).max(64).regex(/^[0-9a-zA-Z\-_.]+$/).optional(),
  StartDate: z.number().optional(),
  EndDate: z.number().optional(),
  Description: z.string().max(512).optional(),
  State: z.enum(['ENABLED', 'DISABLED']).optional(),
  KmsKeyArn: z.string().optional(),
  ClientToken: z.string().min(1).max(64).optional(),
  ActionAfterCompletion: z.enum(['NONE', 'DELETE']).optional(),
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
