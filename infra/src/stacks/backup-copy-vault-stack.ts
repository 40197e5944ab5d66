import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';
import { backupVaultName } from './stateful-stack.js';

/**
 * Prod only, deployed in `backupRegion`: the vault that receives the daily cross-region copy of the table's backups.
 * A vault must exist before a copy action can name it, so this stack is deployed first (`cdk deploy --all` orders it).
 */
export class BackupCopyVaultStack extends Stack {
  readonly vault: backup.BackupVault;

  constructor(scope: Construct, id: string, props: StackProps & { readonly config: StageConfig }) {
    super(scope, id, props);
    this.vault = new backup.BackupVault(this, 'CopyVault', {
      backupVaultName: backupVaultName(props.config),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
