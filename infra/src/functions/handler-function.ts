import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { METRICS_NAMESPACE, SERVICE_NAME } from '@vfc/shared/ops/observability';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';
import { handlerBundling } from './bundling.js';
import { WORKSPACE_ROOT, handlerEntry } from './handler-catalog.js';

export interface HandlerFunctionProps {
  /** Handler name: the file `backend/src/handlers/<handler>.ts`. */
  readonly handler: string;
  readonly config: StageConfig;
  /** Environment variables the handler reads (see `HANDLER_ENV` in `@vfc/shared/ops/observability`). */
  readonly environment: Record<string, string>;
  /** Run time limit. Default 15 s (API Gateway waits at most 30 s). */
  readonly timeout?: Duration;
  /** Memory in MB; CPU scales with it. Default 512. */
  readonly memorySize?: number;
  /** Reserved concurrency: at most this many runs at once (and this many always available). Default: none. */
  readonly reservedConcurrentExecutions?: number;
}

/** Physical name of a handler's function in a stage: `vfc-<stage>-<handler>` (fixed, so ARNs can be built ahead). */
export function functionNameFor(config: StageConfig, handler: string): string {
  return `${config.prefix}-${handler}`;
}

/**
 * One backend handler as a Lambda function: Node.js 22 on arm64, bundled by esbuild (minified, source maps, see
 * `bundling.ts`), Powertools settings in its environment, its own log group with the stage's retention, and its
 * own role that may only write to that log group — everything else is granted explicitly by the stack.
 */
export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const { config, handler } = props;
    const functionName = functionNameFor(config, handler);
    const removalPolicy = config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy,
    });

    // A role of our own instead of the AWSLambdaBasicExecutionRole managed policy (which may write to any log group).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${functionName}`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.fn = new NodejsFunction(this, 'Function', {
      functionName,
      entry: handlerEntry(handler),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(15),
      ...(props.reservedConcurrentExecutions ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      role: this.role,
      logGroup: this.logGroup,
      // X-Ray active tracing: each invocation is traced (CDK grants the role xray:PutTraceSegments/PutTelemetryRecords).
      tracing: lambda.Tracing.ACTIVE,
      projectRoot: WORKSPACE_ROOT,
      depsLockFilePath: `${WORKSPACE_ROOT}pnpm-lock.yaml`,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: config.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: handlerBundling(),
    });
    NagSuppressions.addResourceSuppressions(
      this.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          // Justification: xray:PutTraceSegments / PutTelemetryRecords support no resource-level scope (Resource "*" is the only form):
          // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html
          reason: 'X-Ray active tracing: PutTraceSegments and PutTelemetryRecords accept only Resource "*".',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    );
    NagSuppressions.addResourceSuppressions(this.fn, [
      {
        id: 'AwsSolutions-L1',
        // Justification: Node.js 22 is the runtime this project targets and tests (middy 6, Powertools 2, esbuild
        // target node22); moving to a newer runtime is a deliberate upgrade, not something to happen on deploy.
        reason: 'Node.js 22 is the runtime the project pins and tests; runtime upgrades are deliberate.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        // Justification: the same decision as AwsSolutions-L1, checked by the Serverless pack: Node.js 22 is pinned
        // and tested (bundling target node22); a runtime upgrade is a deliberate change with its own tests.
        reason: 'Node.js 22 is the runtime the project pins and tests; runtime upgrades are deliberate.',
      },
      {
        id: 'Serverless-LambdaDLQ',
        // Justification: API routes and the authorizer run synchronously (a DLQ never receives those); scheduler-invoked
        // ones have an on-failure destination instead (async-failures.ts), which keeps the error beside the event.
        reason: 'Synchronous functions never use a DLQ; async ones have an on-failure destination (richer than a DLQ).',
      },
    ]);
    // The log group must exist before the function first writes to it (it is not created by Lambda here).
    this.fn.node.addDependency(this.logGroup);
  }
}
