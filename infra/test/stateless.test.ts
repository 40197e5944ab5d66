import { readFileSync } from 'node:fs';
import { API_ROUTES } from '@vfc/shared/api/routes';
import { HANDLER_ENV, METRIC, METRICS_NAMESPACE, RECONCILE_SCHEDULE_EXPRESSION, SCHEDULED_HANDLERS, ASYNC_HANDLERS } from '@vfc/shared/ops/observability';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { handlerEntry, handlerNames } from '../src/functions/handler-catalog.js';
import {
  CLINIC_SECRET_ACTIONS,
  KNOWLEDGE_FILE_GRANTS,
  SCHEDULE_ACTIONS,
  TABLE_READ_ACTIONS,
  TABLE_WRITE_ACTIONS,
  grantedPermissions,
} from '../src/functions/permissions.js';
import { actionsOf, type CfnResource, roleIdOfFunction, statementsOfRole, synthesize, type Synthesized } from './support/synth.js';

/** Handler env vars that only the local stack sets (emulator endpoints, the local Retell key and simulator URL). */
// VAPI_API_KEY / VAPI_CONCURRENCY_LIMIT: the platform's Vapi account is not deployed yet (local stack only).
const LOCAL_ONLY_ENV = ['RETELL_API_KEY', 'RETELL_BASE_URL', 'VAPI_WEBHOOK_SECRET', 'VAPI_API_KEY', 'VAPI_BASE_URL', 'VAPI_CONCURRENCY_LIMIT', 'LOCAL_SECRET_STORE', 'S3_ENDPOINT', 'KNOWLEDGE_STATUS_READ_MS'];
/** The env vars (of HANDLER_ENV) that the AWS deployment sets. */
const DEPLOYED_ENV = HANDLER_ENV.filter((name) => !LOCAL_ONLY_ENV.includes(name));

let s: Synthesized;
let functions: Record<string, CfnResource>;
beforeAll(() => {
  // Bundling is skipped here (identical template); nag.test.ts and `pnpm --filter infra synth` bundle for real.
  s = synthesize({ context: { stage: 'dev' }, bundle: false });
  functions = s.statelessTemplate.findResources('AWS::Lambda::Function') as Record<string, CfnResource>;
}, 120_000);

const fnNamed = (handler: string): CfnResource => {
  const fn = Object.values(functions).find((f) => f.Properties?.FunctionName === `vfc-dev-${handler}`);
  if (!fn) throw new Error(`no function for ${handler}`);
  return fn;
};
const envOf = (handler: string): Record<string, unknown> => fnNamed(handler).Properties?.Environment.Variables;
const nonLogStatements = (handler: string) =>
  statementsOfRole(s.statelessTemplate, roleIdOfFunction(s.statelessTemplate, `vfc-dev-${handler}`)).filter(
    (st) => !actionsOf(st).every((a) => a.startsWith('logs:')),
  );

describe('functions', () => {
  it('deploys exactly one function per handler and no helper functions', () => {
    expect(Object.values(functions).map((f) => f.Properties?.FunctionName).sort()).toEqual(
      handlerNames().map((h) => `vfc-dev-${h}`).sort(),
    );
  });

  it.each(handlerNames())('%s: Node.js 22 on arm64, Powertools env and every deployed env var', (handler) => {
    const props = fnNamed(handler).Properties!;
    expect(props.Runtime).toBe('nodejs22.x');
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.Handler).toBe('index.handler');
    const env = envOf(handler);
    expect(env).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'vet-followup-calls',
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: s.config.logLevel,
      NODE_OPTIONS: '--enable-source-maps',
    });
    for (const name of DEPLOYED_ENV) expect(env[name], name).toBeDefined();
    expect(env.RETELL_API_KEY, 'the key itself is never in the environment').toBeUndefined();
  });

  it.each(handlerNames())('%s: its role allows exactly what permissions.ts maps', (handler) => {
    const permissions = grantedPermissions(handler);
    // X-Ray active tracing: every function may send its trace segments (CDK's grant; X-Ray has no resource-level scope).
    const expected = new Set<string>(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);
    if (permissions.includes('table:read') || permissions.includes('table:write')) TABLE_READ_ACTIONS.forEach((a) => expected.add(a));
    if (permissions.includes('table:write')) TABLE_WRITE_ACTIONS.forEach((a) => expected.add(a));
    if (permissions.includes('table:read-tokens')) expected.add('dynamodb:GetItem');
    if (permissions.includes('table:record-people') || permissions.includes('table:record-key-use')) expected.add('dynamodb:UpdateItem');
    if (permissions.includes('secret:read') || permissions.includes('vapi-webhook-secret:read') || permissions.includes('vapi-key:read')) {
      ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'].forEach((a) => expected.add(a));
    }
    if (permissions.includes('clinic-secrets:read')) expected.add('secretsmanager:GetSecretValue');
    if (permissions.includes('clinic-secrets:write')) CLINIC_SECRET_ACTIONS.forEach((a) => expected.add(a));
    for (const p of permissions) if (SCHEDULE_ACTIONS[p]) expected.add(SCHEDULE_ACTIONS[p]!);
    if (permissions.includes('scheduler-role:pass')) expected.add('iam:PassRole');
    // Scheduler-invoked functions send the record of a run that failed after retries to their on-failure queue.
    if (([...SCHEDULED_HANDLERS, ...ASYNC_HANDLERS] as readonly string[]).includes(handler)) ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'].forEach((a) => expected.add(a));
    if (permissions.includes('provider-event:invoke') || permissions.includes('knowledge-sync:invoke')) expected.add('lambda:InvokeFunction');
    for (const p of permissions) KNOWLEDGE_FILE_GRANTS[p]?.actions.forEach((a) => expected.add(a));
    if (permissions.some((p) => KNOWLEDGE_FILE_GRANTS[p]?.listBucket)) expected.add('s3:ListBucket');

    const granted = new Set(nonLogStatements(handler).flatMap(actionsOf));
    expect([...granted].sort()).toEqual([...expected].sort());
  });

  it('only the Vapi webhook reads the Vapi webhook secret, and only that secret', () => {
    const secretRef = (st: { Resource?: unknown }) => JSON.stringify(st.Resource ?? '');
    for (const handler of handlerNames()) {
      const reads = nonLogStatements(handler).filter((st) => actionsOf(st).includes('secretsmanager:GetSecretValue')).map(secretRef);
      expect(reads.some((r) => r.includes('VapiWebhookSecret')), handler).toBe(handler === 'vapi-webhook');
    }
    expect(envOf('vapi-webhook').VAPI_WEBHOOK_SECRET_ARN).toBeDefined();
  });

  it("the platform's Vapi key and the clinics' own keys are read only where calls are placed, checked or synced", () => {
    const readers = (match: (resource: string) => boolean) =>
      handlerNames().filter((handler) =>
        nonLogStatements(handler).some((st) => actionsOf(st).includes('secretsmanager:GetSecretValue') && match(JSON.stringify(st.Resource ?? ''))),
      );
    // Calls placed / checked, the voice settings saved, the agent registry's Vapi side (sync, audit, clean-up, editor),
    // and the knowledge sync (a clinic's knowledge base lives in the account its calls go through).
    const expected = ['agent-sync', 'apply-provider-event', 'audit-agents', 'cleanup-orphaned-agents', 'dialer', 'get-clinic-agent', 'reconcile', 'sync-agents', 'sync-knowledge', 'update-clinic-agent', 'update-clinic-voice'];
    expect(readers((r) => r.includes('VapiApiKey')).sort()).toEqual(expected);
    // The Retell webhook also reads a clinic's key, to verify the events of that clinic's own Retell workspace.
    expect(readers((r) => r.includes('/clinic-voice/*')).sort()).toEqual([...expected, 'retell-webhook'].sort());
    expect(envOf('dialer').VAPI_API_KEY_SECRET_ARN).toBeDefined();
    expect(envOf('dialer').VAPI_CONCURRENCY_LIMIT).toBe('10');
    for (const handler of ['update-clinic-voice', 'agent-sync', 'sync-agents', 'audit-agents', 'cleanup-orphaned-agents', 'get-clinic-agent', 'update-clinic-agent']) {
      expect(JSON.stringify(envOf(handler).VAPI_SERVER_URL), handler).toContain('webhooks/vapi');
    }
    expect(JSON.stringify(envOf('update-clinic-voice').RETELL_WEBHOOK_URL)).toContain('webhooks/retell');
    expect(envOf('retell-webhook').CLINIC_SECRET_PREFIX).toBe('vfc-dev');
  });

  it('clinic keys: only update-clinic-voice may write them, and only secrets under <prefix>/clinic-voice/', () => {
    for (const handler of handlerNames()) {
      const writes = nonLogStatements(handler).filter((st) => actionsOf(st).includes('secretsmanager:CreateSecret'));
      if (handler !== 'update-clinic-voice') {
        expect(writes, handler).toEqual([]);
        continue;
      }
      expect(writes).toHaveLength(1);
      expect(JSON.stringify(writes[0]!.Resource)).toContain(':secret:vfc-dev/clinic-voice/*');
    }
    expect(envOf('update-clinic-voice').CLINIC_SECRET_PREFIX).toBe('vfc-dev');
  });

  it('writes each function to its own log group with the stage retention', () => {
    const groups = s.statelessTemplate.findResources('AWS::Logs::LogGroup') as Record<string, CfnResource>;
    const names = Object.values(groups).map((g) => g.Properties?.LogGroupName);
    for (const handler of handlerNames()) expect(names).toContain(`/aws/lambda/vfc-dev-${handler}`);
    for (const group of Object.values(groups)) expect(group.Properties?.RetentionInDays).toBe(s.config.logRetentionDays);
  });

  it('turns X-Ray active tracing on for every function', () => {
    const functions = Object.values(s.statelessTemplate.findResources('AWS::Lambda::Function') as Record<string, CfnResource>);
    expect(functions).toHaveLength(handlerNames().length);
    for (const fn of functions) expect(fn.Properties?.TracingConfig).toEqual({ Mode: 'Active' });
  });
});

describe('least privilege', () => {
  it('the dialer cannot delete (or scan) the table', () => {
    const actions = nonLogStatements('dialer').flatMap(actionsOf);
    expect(actions).toContain('dynamodb:PutItem');
    for (const action of actions) expect(action).not.toMatch(/^(\*|dynamodb:\*|dynamodb:DeleteTable|dynamodb:Scan)$/);
  });

  it('no policy in the stack grants a DynamoDB table-level or wildcard action', () => {
    const policies = s.statelessTemplate.findResources('AWS::IAM::Policy') as Record<string, CfnResource>;
    const actions = Object.values(policies).flatMap((p) => p.Properties?.PolicyDocument.Statement.flatMap(actionsOf));
    expect(actions.filter((a: string) => /^(\*|dynamodb:(\*|DeleteTable|UpdateTable|CreateTable|Scan))$/.test(a))).toEqual([]);
  });

  it('the scheduler role can only invoke the dialer (and dead-letter to the DLQ)', () => {
    const roleArn = envOf('create-call').SCHEDULER_ROLE_ARN as { 'Fn::GetAtt': [string, string] };
    const roleId = roleArn['Fn::GetAtt'][0];
    const role = s.statelessTemplate.toJSON().Resources[roleId] as CfnResource;
    expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties?.Policies).toBeUndefined();
    expect(role.Properties?.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: { 'aws:SourceArn': expect.objectContaining({ 'Fn::Join': expect.anything() }) },
        },
      }),
    ]);

    const dialerArn = envOf('create-call').DIALER_TARGET_ARN;
    const dlqArn = envOf('create-call').SCHEDULER_DLQ_ARN;
    const statements = statementsOfRole(s.statelessTemplate, roleId);
    expect(statements).toHaveLength(2);
    expect(statements).toContainEqual({ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: dialerArn });
    expect(statements).toContainEqual({ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: dlqArn });
    // …and that ARN really is the dialer's: built from the same fixed name the dialer function has.
    expect(JSON.stringify(dialerArn)).toContain(`:function:${fnNamed('dialer').Properties?.FunctionName}"`);
  });

  it('iam:PassRole is granted only for the scheduler role, only to scheduler.amazonaws.com', () => {
    const roleArn = envOf('create-call').SCHEDULER_ROLE_ARN;
    const policies = s.statelessTemplate.findResources('AWS::IAM::Policy') as Record<string, CfnResource>;
    const passRoles = Object.values(policies)
      .flatMap((p) => p.Properties?.PolicyDocument.Statement)
      .filter((st: any) => actionsOf(st).some((a) => a.startsWith('iam:')));
    expect(passRoles.length).toBeGreaterThan(0);
    for (const st of passRoles) {
      expect(st).toEqual({
        Action: 'iam:PassRole',
        Effect: 'Allow',
        Resource: roleArn,
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      });
    }
  });

  it('schedule actions are limited to the call schedule group', () => {
    const scheduleStatements = nonLogStatements('dialer').filter((st) => actionsOf(st).some((a) => a.startsWith('scheduler:')));
    expect(scheduleStatements).toHaveLength(1);
    expect(JSON.stringify(scheduleStatements[0].Resource)).toContain(':schedule/vfc-dev-calls/*');
  });
});

describe('HTTP API', () => {
  const routes = () => Object.values(s.statelessTemplate.findResources('AWS::ApiGatewayV2::Route') as Record<string, CfnResource>);

  it('has one route per API_ROUTES entry', () => {
    expect(routes().map((r) => r.Properties?.RouteKey).sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('the webhook and public routes have no authorizer; every staff and admin route has the Lambda authorizer', () => {
    expect(routes().filter((route) => route.Properties?.AuthorizationType === 'NONE').map((route) => route.Properties?.RouteKey).sort()).toEqual([
      'GET /openapi.json',
      'POST /webhooks/retell',
      'POST /webhooks/vapi',
    ]);
    for (const route of routes()) {
      const spec = API_ROUTES.find((r) => `${r.method} ${r.path}` === route.Properties?.RouteKey)!;
      if (spec.auth === 'webhook' || spec.auth === 'public') {
        expect(route.Properties?.AuthorizationType).toBe('NONE');
        expect(route.Properties?.AuthorizerId).toBeUndefined();
      } else {
        expect(route.Properties?.AuthorizationType, spec.path).toBe('CUSTOM');
        expect(route.Properties?.AuthorizerId, spec.path).toBeDefined();
      }
    }
    s.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerPayloadFormatVersion: '2.0',
    });
  });

  it('staff and admin routes use separate authorizers (no cached staff decision on an admin route)', () => {
    const authorizerOf = (auth: string) =>
      new Set(
        routes()
          .filter((r) => API_ROUTES.find((spec) => `${spec.method} ${spec.path}` === r.Properties?.RouteKey)?.auth === auth)
          .map((r) => JSON.stringify(r.Properties?.AuthorizerId)),
      );
    expect(authorizerOf('staff').size).toBe(1);
    if (API_ROUTES.some((r) => r.auth === 'admin')) {
      expect(authorizerOf('admin').size).toBe(1);
      expect([...authorizerOf('admin')][0]).not.toBe([...authorizerOf('staff')][0]);
    }
  });

  // Defence in depth: the admin role is checked twice — API Gateway only lets a request with a valid token through the
  // authorizer, and each admin handler then requires role === 'admin' itself (`grantOf(event, 'admin')`).
  it.each(API_ROUTES.filter((r) => r.auth === 'admin').map((r) => [`${r.method} ${r.path}`] as const))(
    'admin route %s runs the Lambda authorizer (the authorizer function, Authorization header, cached per token)',
    (routeKey) => {
      const resources = s.statelessTemplate.toJSON().Resources as Record<string, CfnResource>;
      const route = routes().find((r) => r.Properties?.RouteKey === routeKey);
      expect(route, routeKey).toBeDefined();
      expect(route!.Properties?.AuthorizationType).toBe('CUSTOM');
      const authorizer = resources[route!.Properties?.AuthorizerId?.Ref as string];
      expect(authorizer?.Type).toBe('AWS::ApiGatewayV2::Authorizer');
      expect(authorizer!.Properties).toMatchObject({
        AuthorizerType: 'REQUEST',
        EnableSimpleResponses: true,
        IdentitySource: ['$request.header.Authorization'],
        AuthorizerResultTtlInSeconds: 300,
      });
      // The authorizer invokes the deployed authorizer function (not some other handler).
      const uri = JSON.stringify(authorizer!.Properties?.AuthorizerUri);
      const fnId = /"Fn::GetAtt":\["([^"]+)","Arn"\]/.exec(uri)?.[1];
      expect(resources[fnId!]?.Properties?.FunctionName).toBe('vfc-dev-authorizer');
    },
  );

  // The authorizer passes any valid token, so the admin check itself lives in the handler: keep every one doing it.
  it.each(API_ROUTES.filter((r) => r.auth === 'admin').map((r) => [r.handler] as const))(
    "admin handler %s requires the admin role itself (grantOf(event, 'admin'))",
    (handler) => {
      expect(readFileSync(handlerEntry(handler), 'utf8')).toMatch(/\bgrantOf\(event, 'admin'\)/);
    },
  );

  it('integrates each route with its own handler function', () => {
    const resources = s.statelessTemplate.toJSON().Resources as Record<string, CfnResource>;
    for (const route of routes()) {
      const spec = API_ROUTES.find((r) => `${r.method} ${r.path}` === route.Properties?.RouteKey)!;
      const integrationId = route.Properties?.Target['Fn::Join'][1][1].Ref as string;
      const fnId = resources[integrationId]!.Properties?.IntegrationUri['Fn::GetAtt'][0] as string;
      expect(resources[fnId]!.Properties?.FunctionName, spec.path).toBe(`vfc-dev-${spec.handler}`);
    }
  });

  it('allows CORS only from the extension origin', () => {
    s.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: s.config.extensionOrigins }),
    });
  });

  it('allows in CORS exactly the methods of the route table plus OPTIONS (PUT included)', () => {
    const apis = s.statelessTemplate.findResources('AWS::ApiGatewayV2::Api');
    const [api] = Object.values(apis);
    const routeMethods = new Set(API_ROUTES.map((route) => route.method));
    expect(routeMethods.has('PUT')).toBe(true);
    expect([...api!.Properties.CorsConfiguration.AllowMethods].sort()).toEqual([...routeMethods, 'OPTIONS'].sort());
  });

  it('throttles and writes access logs on the $default stage', () => {
    s.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: Match.objectLike({
        ThrottlingRateLimit: s.config.throttle.rateLimit,
        ThrottlingBurstLimit: s.config.throttle.burstLimit,
      }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') }),
    });
  });
});

describe('scheduling', () => {
  it('the DLQ is wired: env for run-time schedules, the recurring schedule, and an alarm', () => {
    const dlqArn = envOf('dialer').SCHEDULER_DLQ_ARN as { 'Fn::GetAtt': [string, string] };
    const dlqId = dlqArn['Fn::GetAtt'][0];
    expect(s.statelessTemplate.toJSON().Resources[dlqId].Type).toBe('AWS::SQS::Queue');
    s.statelessTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({
        DeadLetterConfig: { Arn: dlqArn },
        RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
      }),
    });
    s.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 1,
    });
  });

  it('runs agent-sync every 6 hours with its own role', () => {
    const agentSyncId = Object.entries(functions).find(([, f]) => f.Properties?.FunctionName === 'vfc-dev-agent-sync')![0];
    s.statelessTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(6 hours)',
      GroupName: 'vfc-dev-recurring',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [agentSyncId, 'Arn'] } }),
    });
  });

  it('runs reconcile every 5 minutes (RECONCILE_SCHEDULE_EXPRESSION) in the recurring group, retries and DLQ', () => {
    const reconcileId = Object.entries(functions).find(([, f]) => f.Properties?.FunctionName === 'vfc-dev-reconcile')![0];
    const dlqArn = envOf('reconcile').SCHEDULER_DLQ_ARN;
    expect(RECONCILE_SCHEDULE_EXPRESSION).toBe('rate(5 minutes)');
    s.statelessTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: RECONCILE_SCHEDULE_EXPRESSION,
      GroupName: 'vfc-dev-recurring',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [reconcileId, 'Arn'] },
        DeadLetterConfig: { Arn: dlqArn },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
      }),
    });
    expect(fnNamed('reconcile').Properties?.Timeout).toBeLessThan(5 * 60);
  });

  it('creates the call schedule group named for the stage', () => {
    s.statelessTemplate.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'vfc-dev-calls' });
    expect(envOf('create-call').SCHEDULE_GROUP_NAME).toBe('vfc-dev-calls');
  });
});

describe('alarms', () => {
  const alarms = () => Object.values(s.statelessTemplate.findResources('AWS::CloudWatch::Alarm') as Record<string, CfnResource>);

  it('has exactly the listed alarms, each notifying the SNS topic on alarm and on OK', () => {
    const topicId = Object.keys(s.statelessTemplate.findResources('AWS::SNS::Topic'))[0];
    expect(alarms().map((a) => a.Properties?.AlarmName).sort()).toEqual(
      [
        'agent-health-low',
        'api-5xx',
        'async-failures-not-empty',
        'async-failures-oldest-message',
        'authorizer-errors',
        'dial-line-oldest-wait',
        'dialer-errors',
        'dynamodb-throttles',
        'lambda-throttles',
        'reconcile-errors',
        'reconcile-not-running',
        'retell-webhook-errors',
        'scheduler-dlq-not-empty',
        'scheduler-dlq-oldest-message',
        'vapi-webhook-errors',
        'webhook-signature-rejections',
        'webhook-throttles',
      ].map((name) => `vfc-dev-${name}`),
    );
    for (const alarm of alarms()) {
      expect(alarm.Properties?.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties?.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it('alarms on agent health score below 70 and on webhook signature rejections', () => {
    s.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: METRICS_NAMESPACE,
      MetricName: METRIC.agentHealthScore,
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 70,
      Dimensions: [{ Name: 'service', Value: 'vet-followup-calls' }],
    });
    s.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: METRICS_NAMESPACE,
      MetricName: METRIC.webhookSignatureRejected,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('alarms on dialer errors', () => {
    s.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: Match.anyValue() }],
    });
    const errorsAlarm = alarms().find((a) => a.Properties?.AlarmName === 'vfc-dev-dialer-errors')!;
    const dialerId = Object.entries(functions).find(([, f]) => f.Properties?.FunctionName === 'vfc-dev-dialer')![0];
    expect(errorsAlarm.Properties?.Dimensions[0].Value).toEqual({ Ref: dialerId });
  });
});

describe('outputs', () => {
  it('exports the API URL, both webhook URLs and the schedule group', () => {
    const outputs = s.statelessTemplate.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'RetellWebhookUrl', 'VapiWebhookUrl', 'ScheduleGroupName']));
    expect(JSON.stringify(outputs.RetellWebhookUrl.Value)).toMatch(/\/webhooks\/retell"\]\]\}$/);
    expect(JSON.stringify(outputs.VapiWebhookUrl.Value)).toMatch(/\/webhooks\/vapi"\]\]\}$/);
    expect(outputs.ScheduleGroupName.Value).toBe('vfc-dev-calls');
  });
});

describe('the webhooks answer fast', () => {
  it.each(['retell-webhook', 'vapi-webhook'])('%s runs at most 10 s and hands events to apply-provider-event', (handler) => {
    expect(fnNamed(handler).Properties?.Timeout).toBeLessThanOrEqual(10);
    expect(JSON.stringify(envOf(handler).PROVIDER_EVENT_FUNCTION_ARN)).toContain(':function:vfc-dev-apply-provider-event');
  });

  it('only the two webhooks may invoke apply-provider-event', () => {
    const invokes = Object.values(s.statelessTemplate.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties?.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[])
        .filter((st) => JSON.stringify(st.Action).includes('lambda:InvokeFunction') && JSON.stringify(st.Resource).includes('apply-provider-event'))
        .map((st) => JSON.stringify(policy.Properties?.Roles)),
    );
    expect(invokes).toHaveLength(2);
    expect(invokes.filter((roles) => roles.includes('Fnretellwebhook'))).toHaveLength(1);
    expect(invokes.filter((roles) => roles.includes('Fnvapiwebhook'))).toHaveLength(1);
  });
});

describe('provider concurrency wiring', () => {
  it('gives the dialer and apply-provider-event (which may dial the next waiting call) 30 s, and every function the Retell limit', () => {
    expect(fnNamed('dialer').Properties?.Timeout).toBe(30);
    expect(fnNamed('apply-provider-event').Properties?.Timeout).toBe(30);
    expect(envOf('dialer').RETELL_CONCURRENCY_LIMIT).toBe('20');
  });
});
