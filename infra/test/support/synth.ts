import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type VfcApp } from '../../src/app.js';

/** The context of `infra/cdk.json`, as the CDK CLI would pass it. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

export interface Synthesized extends VfcApp {
  /** The cloud assembly folder (assets are staged here). */
  readonly outdir: string;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

export interface SynthOptions {
  /** Extra CDK context, e.g. `{ stage: 'prod' }`. */
  readonly context?: Record<string, unknown>;
  /**
   * Bundle every handler with esbuild as `cdk synth` does (~1.5 s per function). When false, CDK's own
   * `aws:cdk:bundling-stacks` context skips bundling: the template is identical except for asset hashes.
   */
  readonly bundle: boolean;
}

/**
 * Builds and synthesizes the real app (cdk-nag aspects included) for a stage into a temporary folder.
 * Call once per test file (in `beforeAll`).
 */
export function synthesize(options: SynthOptions): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'vfc-cdk-'));
  const app = new App({
    context: { ...cdkJsonContext(), ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...options.context },
    outdir,
  });
  const built = buildApp(app);
  return {
    ...built,
    outdir,
    statefulTemplate: Template.fromStack(built.stateful),
    statelessTemplate: Template.fromStack(built.stateless),
  };
}

/** A CloudFormation resource as found in a template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly DependsOn?: string[];
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** The policy statements of all `AWS::IAM::Policy` resources attached to the role with logical id `roleId`. */
export function statementsOfRole(template: Template, roleId: string): any[] {
  const policies = template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>;
  return Object.values(policies)
    .filter((policy) => (policy.Properties?.Roles ?? []).some((role: any) => role?.Ref === roleId))
    .flatMap((policy) => policy.Properties?.PolicyDocument?.Statement ?? []);
}

/** The actions of a statement as an array. */
export function actionsOf(statement: any): string[] {
  return [statement.Action].flat();
}

/** The logical id of the role used by the function named `functionName`. */
export function roleIdOfFunction(template: Template, functionName: string): string {
  const functions = template.findResources('AWS::Lambda::Function', {
    Properties: { FunctionName: functionName },
  }) as Record<string, CfnResource>;
  const fn = Object.values(functions)[0];
  if (!fn) throw new Error(`No function named ${functionName}`);
  return fn.Properties?.Role['Fn::GetAtt'][0];
}
