import { runSimulation } from '@cloud-copilot/iam-simulate';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { RecordedAwsCall } from '../../../backend/src/local/aws-call-recorder/aws-call-recorder.js';
import { readStageConfig, type StageConfig } from '../../src/config/stage-config.js';
import { functionNameFor } from '../../src/functions/handler-function.js';
import { HANDLER_PERMISSIONS, type PermissionMap } from '../../src/functions/permissions.js';
import { StatefulStack } from '../../src/stacks/stateful-stack.js';
import { StatelessStack } from '../../src/stacks/stateless-stack.js';
import { cdkJsonContext, roleIdOfFunction, statementsOfRole } from './synth.js';

/** The account and region the synthesized (environment-agnostic) templates are resolved into for the simulation. */
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

type Cfn = Record<string, any>;

/** Both templates of a synth, and the stage config: what {@link checkRecordedCalls} resolves the roles from. */
export interface SynthesizedRoles {
  readonly config: StageConfig;
  readonly stateful: Cfn;
  readonly stateless: Cfn;
}

/** Synthesizes both stacks of the dev stage (bundling skipped) with a permission map (default: the real one). */
export function synthesizeRoles(handlerPermissions: PermissionMap = HANDLER_PERMISSIONS): SynthesizedRoles {
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], stage: 'dev' } });
  const config = readStageConfig((key) => app.node.tryGetContext(key));
  const stateful = new StatefulStack(app, 'Stateful', { config });
  const stateless = new StatelessStack(app, 'Stateless', {
    config,
    table: stateful.table,
    retellApiKeySecret: stateful.retellApiKeySecret,
    vapiWebhookSecret: stateful.vapiWebhookSecret,
    vapiApiKeySecret: stateful.vapiApiKeySecret,
    knowledgeBucket: stateful.knowledgeBucket,
    handlerPermissions,
  });
  const json = (stack: Stack) => Template.fromStack(stack).toJSON() as Cfn;
  return { config, stateful: json(stateful), stateless: json(stateless) };
}

/**
 * Resolves CloudFormation intrinsics (Ref, Fn::GetAtt Arn, Fn::Join, Fn::Select, Fn::Split, Fn::ImportValue across the
 * two stacks) into the concrete strings they would be in account {@link ACCOUNT}, region {@link REGION}: resource
 * names from their name properties, ARNs in each service's documented format.
 */
class Resolver {
  constructor(private readonly templates: SynthesizedRoles) {}

  resolve(value: unknown, template: Cfn = this.templates.stateless): any {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, template));
    if (!value || typeof value !== 'object') return value;
    const v = value as Cfn;
    if ('Ref' in v) return this.ref(v.Ref, template);
    if ('Fn::GetAtt' in v) return this.arn(v['Fn::GetAtt'][0], template);
    if ('Fn::Join' in v) return (this.resolve(v['Fn::Join'][1], template) as string[]).join(v['Fn::Join'][0]);
    if ('Fn::Select' in v) return this.resolve(v['Fn::Select'][1], template)[Number(v['Fn::Select'][0])];
    if ('Fn::Split' in v) return String(this.resolve(v['Fn::Split'][1], template)).split(v['Fn::Split'][0]);
    if ('Fn::ImportValue' in v) {
      const name = this.resolve(v['Fn::ImportValue'], template);
      const out = Object.values(this.templates.stateful.Outputs as Cfn).find((o: Cfn) => o.Export?.Name === name) as Cfn | undefined;
      if (!out) throw new Error(`No export ${name}`);
      return this.resolve(out.Value, this.templates.stateful);
    }
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, this.resolve(inner, template)]));
  }

  private ref(id: string, template: Cfn): string {
    const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com' };
    if (pseudo[id]) return pseudo[id]!;
    const resource = template.Resources?.[id] as Cfn | undefined;
    if (!resource) throw new Error(`Unresolvable Ref ${id}`);
    const p = this.resolve(resource.Properties ?? {}, template) as Cfn;
    switch (resource.Type) {
      case 'AWS::SecretsManager::Secret':
        return this.arn(id, template);
      case 'AWS::IAM::Role':
        return p.RoleName ?? id;
      case 'AWS::Lambda::Function':
        return p.FunctionName ?? id;
      case 'AWS::DynamoDB::Table':
      case 'AWS::DynamoDB::GlobalTable':
        return p.TableName ?? id;
      case 'AWS::Scheduler::ScheduleGroup':
        return p.Name ?? id;
      case 'AWS::S3::Bucket':
        return p.BucketName ?? id;
      default:
        return id;
    }
  }

  private arn(id: string, template: Cfn): string {
    const resource = template.Resources?.[id] as Cfn | undefined;
    if (!resource) throw new Error(`Unresolvable Fn::GetAtt ${id}`);
    const p = this.resolve(resource.Properties ?? {}, template) as Cfn;
    const at = (service: string, rest: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${rest}`;
    switch (resource.Type) {
      case 'AWS::DynamoDB::Table':
      case 'AWS::DynamoDB::GlobalTable':
        return at('dynamodb', `table/${p.TableName ?? id}`);
      case 'AWS::SecretsManager::Secret':
        return at('secretsmanager', `secret:${p.Name ?? id}-AbCdEf`);
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${ACCOUNT}:role/${p.RoleName ?? id}`;
      case 'AWS::Lambda::Function':
        return at('lambda', `function:${p.FunctionName ?? id}`);
      case 'AWS::SQS::Queue':
        return at('sqs', p.QueueName ?? id);
      case 'AWS::Scheduler::ScheduleGroup':
        return at('scheduler', `schedule-group/${p.Name ?? id}`);
      case 'AWS::Logs::LogGroup':
        return at('logs', `log-group:${p.LogGroupName ?? id}:*`);
      case 'AWS::KMS::Key':
        return at('kms', `key/${id}`);
      case 'AWS::S3::Bucket':
        return `arn:aws:s3:::${p.BucketName ?? id}`;
      case 'AWS::SNS::Topic':
        return at('sns', p.TopicName ?? id);
      default:
        return at('unknown', id);
    }
  }
}

/** A recorded call the handler's synthesized role does not allow. */
export interface Denial {
  handler: string;
  action: string;
  resource: string;
  result: string;
}

/**
 * Checks every recorded AWS request against the synthesized role of the handler that sent it, with
 * `@cloud-copilot/iam-simulate` (identity policies only: the roles' inline policies; no resource policies are involved
 * for these resources). The deployed resource of each request is taken from that function's own environment (the
 * values the handler uses in AWS: `TABLE_NAME`, `SCHEDULE_GROUP_NAME`, `SCHEDULER_ROLE_ARN`,
 * `RETELL_API_KEY_SECRET_ARN`) or its fixed function name.
 * @returns the denied requests (empty = every request is allowed).
 */
export async function checkRecordedCalls(roles: SynthesizedRoles, calls: readonly RecordedAwsCall[]): Promise<Denial[]> {
  const resolver = new Resolver(roles);
  const template = Template.fromJSON(roles.stateless);
  const functions = roles.stateless.Resources as Cfn;
  const denials: Denial[] = [];
  const byHandler = new Map<string, { policy: Cfn; env: Cfn; roleArn: string }>();
  for (const call of calls) {
    let role = byHandler.get(call.handler);
    if (!role) {
      const name = functionNameFor(roles.config, call.handler);
      const fn = Object.values(functions).find((r: Cfn) => r.Type === 'AWS::Lambda::Function' && r.Properties?.FunctionName === name) as Cfn | undefined;
      if (!fn) {
        denials.push({ handler: call.handler, action: call.action, resource: '-', result: 'no deployed function for this handler' });
        continue;
      }
      const roleId = roleIdOfFunction(template, name);
      role = {
        policy: { Version: '2012-10-17', Statement: resolver.resolve(statementsOfRole(template, roleId)) },
        env: resolver.resolve(fn.Properties.Environment?.Variables ?? {}),
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleId}`,
      };
      byHandler.set(call.handler, role);
    }
    const resource = deployedArn(call, role.env, roles.config);
    const context: Record<string, string | string[]> = { ...call.context };
    if (call.keyKind && call.action.startsWith('dynamodb:')) context['dynamodb:LeadingKeys'] = [call.keyKind];
    const response = await runSimulation(
      {
        request: { principal: role.roleArn, action: call.action, resource: { resource, accountId: ACCOUNT }, contextVariables: context },
        identityPolicies: [{ name: `${call.handler}-role`, policy: role.policy }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
      },
      {},
    );
    const result = response.resultType === 'error' ? `simulation error: ${JSON.stringify(response.errors)}` : response.overallResult;
    if (result !== 'Allowed') denials.push({ handler: call.handler, action: call.action, resource, result });
  }
  return denials;
}

/** The ARN a recorded request addresses in the deployment, from the function's own environment. */
function deployedArn(call: RecordedAwsCall, env: Cfn, config: StageConfig): string {
  const r = call.resource;
  switch (r.type) {
    case 'table': {
      const table = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${env.TABLE_NAME}`;
      return r.index ? `${table}/index/${r.index}` : table;
    }
    case 'call-schedule':
      return `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/${env.SCHEDULE_GROUP_NAME}/recorded-call`;
    case 'scheduler-role':
      return env.SCHEDULER_ROLE_ARN;
    case 'function':
      return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionNameFor(config, r.handler)}`;
    case 'retell-key-secret':
      return env.RETELL_API_KEY_SECRET_ARN;
    case 'knowledge-object':
      return `arn:aws:s3:::${env.KNOWLEDGE_BUCKET}/${r.prefix}recorded-object`;
  }
}

/** One line per denial: `<handler>: <action> on <resource> (<result>)`. */
export function describeDenials(denials: readonly Denial[]): string[] {
  return denials.map((d) => `${d.handler}: ${d.action} on ${d.resource} (${d.result})`);
}
