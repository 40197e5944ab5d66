import { App, Aspects, Tags } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readStageConfig, type StageConfig } from './config/stage-config.js';
import { BackupCopyVaultStack } from './stacks/backup-copy-vault-stack.js';
import { StatefulStack } from './stacks/stateful-stack.js';
import { StatelessStack } from './stacks/stateless-stack.js';

export interface VfcApp {
  readonly app: App;
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** Prod only: the backup copy vault in `backupRegion`. */
  readonly backupCopy?: BackupCopyVaultStack;
}

/**
 * Builds the CDK app for the stage named in context (`-c stage=dev|prod`): `Vfc-<Stage>-Stateful` (table, secret)
 * and `Vfc-<Stage>-Stateless` (functions, API, scheduling, alarms). Stacks are environment-agnostic (account and
 * region come from the CLI's credentials at deploy time), so synth needs no credentials. cdk-nag's AwsSolutions
 * checks and its Serverless pack run on every synth.
 */
export function buildApp(app: App = new App()): VfcApp {
  const config = readStageConfig((key) => app.node.tryGetContext(key));
  const stageTitle = config.stage === 'prod' ? 'Prod' : 'Dev';
  Tags.of(app).add('project', 'vet-followup-calls');
  Tags.of(app).add('stage', config.stage);

  const backupCopy =
    config.isProduction && config.backupRegion
      ? new BackupCopyVaultStack(app, `Vfc-${stageTitle}-BackupCopy`, {
          config,
          env: { region: config.backupRegion },
          description: `Vet follow-up calls (${config.stage}): vault of the cross-region backup copies`,
          terminationProtection: true,
        })
      : undefined;
  const stateful = new StatefulStack(app, `Vfc-${stageTitle}-Stateful`, {
    config,
    description: `Vet follow-up calls (${config.stage}): DynamoDB table, provider secrets and the staff user pool`,
    terminationProtection: config.isProduction,
  });
  const stateless = new StatelessStack(app, `Vfc-${stageTitle}-Stateless`, {
    config,
    table: stateful.table,
    retellApiKeySecret: stateful.retellApiKeySecret, vapiWebhookSecret: stateful.vapiWebhookSecret,
    vapiApiKeySecret: stateful.vapiApiKeySecret,
    signIn: { issuer: stateful.signIn.issuer, clientId: stateful.signIn.client.userPoolClientId },
    knowledgeBucket: stateful.knowledgeBucket,
    description: `Vet follow-up calls (${config.stage}): functions, HTTP API, scheduling, alarms`,
    // It holds the schedule groups, the scheduler role and the failure queues: protected like the data in prod.
    terminationProtection: config.isProduction,
  });
  stateless.addStackDependency(stateful);
  if (backupCopy) stateful.addStackDependency(backupCopy);

  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  Aspects.of(app).add(new ServerlessChecks({ verbose: true }));
  return { app, config, stateful, stateless, ...(backupCopy ? { backupCopy } : {}) };
}
