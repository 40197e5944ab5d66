import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { TABLE_DESIGN } from '@vfc/shared/storage/table-design';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';
import { StaffSignIn } from '../constructs/staff-sign-in.js';

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

/** Days a backup is kept, in this region and in the copy region. */
export const BACKUP_RETENTION_DAYS = 35;

/** Days an abandoned upload (a file PUT under `uploads/` that never became a source) is kept. */
export const ABANDONED_UPLOAD_DAYS = 1;
/** Days the previous version of a deleted or replaced knowledge document is kept (to undo a mistaken removal). */
export const DELETED_DOCUMENT_DAYS = 30;

/** Name of the backup vault (the same name in the stack's region and in the copy region). */
export const backupVaultName = (config: StageConfig) => `${config.prefix}-backups`;

/**
 * What holds data and must survive redeploys: the one DynamoDB table (keys and indexes from the shared
 * `TABLE_DESIGN`), the provider secrets and the staff user pool (the people and their groups). Deployed apart from the stateless stack so that replacing
 * functions or the API never touches data.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly retellApiKeySecret: secretsmanager.Secret;
  /** Prod only: the daily backup plan of the table (copied to `backupRegion`). */
  readonly backupPlan?: backup.BackupPlan;
  /** The platform's Vapi webhook secret (the HMAC credential's key that `/webhooks/vapi` verifies). */
  readonly vapiWebhookSecret: secretsmanager.Secret;
  /** The platform's Vapi private key (created empty; ops set it with put-secret-value). */
  readonly vapiApiKeySecret: secretsmanager.Secret;
  /** Staff sign-in: the Cognito user pool, its groups, the extension's app client and the managed-login domain. */
  readonly signIn: StaffSignIn;
  /** Knowledge-base documents the clinics upload (`uploads/`, then `sources/` once added). */
  readonly knowledgeBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new dynamodb.Table(this, 'Table', {
      tableName: `${config.prefix}-table`,
      partitionKey: { name: TABLE_DESIGN.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE_DESIGN.ttlAttribute,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: config.isProduction,
      removalPolicy,
    });
    for (const index of TABLE_DESIGN.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        ...(index.projection.type === 'ALL'
          ? { projectionType: dynamodb.ProjectionType.ALL }
          : { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection.attributes] }),
      });
    }

    this.retellApiKeySecret = new secretsmanager.Secret(this, 'RetellApiKey', {
      secretName: `${config.prefix}/retell-api-key`,
      description: 'Retell AI API key (set after the first deploy with aws secretsmanager put-secret-value)',
      removalPolicy,
      // Prod: a read replica in the backup region, so a restore there has the key too.
      ...(config.backupRegion ? { replicaRegions: [{ region: config.backupRegion }] } : {}),
    });
    // Created EMPTY: without this the L2 construct would generate a random value. CloudFormation creates a secret
    // with no version when neither SecretString nor GenerateSecretString is given; operators set the real key.
    (this.retellApiKeySecret.node.defaultChild as secretsmanager.CfnSecret).addPropertyDeletionOverride(
      'GenerateSecretString',
    );
    NagSuppressions.addResourceSuppressions(this.retellApiKeySecret, [
      {
        id: 'AwsSolutions-SMG4',
        // Justification: a third-party API key cannot be rotated by a Secrets Manager rotation Lambda; it is
        // rotated in Retell's dashboard and then stored with put-secret-value (see infra/README.md).
        reason: 'Third-party Retell API key: rotated in the Retell dashboard, then stored with put-secret-value.',
      },
    ]);

    if (config.isProduction && config.backupRegion) {
      // Daily AWS Backup of the table beside PITR (which restores only within 35 days and only in this region),
      // copied to a vault of the same name in the backup region (created by `BackupCopyVaultStack`).
      const vault = new backup.BackupVault(this, 'BackupVault', { backupVaultName: backupVaultName(config), removalPolicy: RemovalPolicy.RETAIN });
      const copyVault = backup.BackupVault.fromBackupVaultArn(
        this,
        'CopyVault',
        `arn:${Aws.PARTITION}:backup:${config.backupRegion}:${Aws.ACCOUNT_ID}:backup-vault:${backupVaultName(config)}`,
      );
      this.backupPlan = new backup.BackupPlan(this, 'BackupPlan', {
        backupPlanName: `${config.prefix}-table`,
        backupVault: vault,
        backupPlanRules: [
          new backup.BackupPlanRule({
            ruleName: 'daily-with-cross-region-copy',
            scheduleExpression: events.Schedule.cron({ hour: '7', minute: '0' }),
            deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
            copyActions: [{ destinationBackupVault: copyVault, deleteAfter: Duration.days(BACKUP_RETENTION_DAYS) }],
          }),
        ],
      });
      const selection = this.backupPlan.addSelection('Table', { resources: [backup.BackupResource.fromDynamoDbTable(this.table)] });
      NagSuppressions.addResourceSuppressions(
        selection,
        [
          {
            id: 'AwsSolutions-IAM4',
            // Justification: AWSBackupServiceRolePolicyForBackup is the AWS-maintained policy AWS Backup documents for
            // its service role; it follows new resource types' backup APIs, which a hand-written copy would miss.
            reason: 'AWS Backup service role with the AWS-maintained AWSBackupServiceRolePolicyForBackup (documented default).',
            appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup'],
          },
        ],
        true,
      );
    }
    // Generated here (a random 64-character value): the operator copies it into the Vapi HMAC credential.
    this.vapiWebhookSecret = new secretsmanager.Secret(this, 'VapiWebhookSecret', {
      secretName: `${config.prefix}/vapi-webhook-secret`,
      description: "HMAC key of the platform's Vapi webhook credential (copy it into Vapi's credential)",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });
    NagSuppressions.addResourceSuppressions(this.vapiWebhookSecret, [
      {
        id: 'AwsSolutions-SMG4',
        // Justification: the same value must be set in Vapi's credential at the same time, which a rotation Lambda
        // cannot do; it is rotated by hand (infra/README.md).
        reason: 'Shared with the Vapi HMAC credential: rotated by hand in both places, not by a rotation Lambda.',
      },
    ]);

    this.vapiApiKeySecret = new secretsmanager.Secret(this, 'VapiApiKey', {
      secretName: `${config.prefix}/vapi-api-key`,
      description: "The platform's Vapi private key (set after the first deploy with aws secretsmanager put-secret-value)",
      removalPolicy,
      ...(config.backupRegion ? { replicaRegions: [{ region: config.backupRegion }] } : {}),
    });
    // Created EMPTY, like the Retell key: operators set the real key; clinics on Vapi's platform account need it.
    (this.vapiApiKeySecret.node.defaultChild as secretsmanager.CfnSecret).addPropertyDeletionOverride('GenerateSecretString');
    NagSuppressions.addResourceSuppressions(this.vapiApiKeySecret, [
      {
        id: 'AwsSolutions-SMG4',
        // Justification: a third-party API key cannot be rotated by a Secrets Manager rotation Lambda; it is
        // rotated in Vapi's dashboard and then stored with put-secret-value (see infra/README.md).
        reason: 'Third-party Vapi private key: rotated in the Vapi dashboard, then stored with put-secret-value.',
      },
    ]);

    this.signIn = new StaffSignIn(this, 'SignIn', { config });
    // Knowledge documents: a source's file stays here so a re-sync or a change of provider can send it again.
    this.knowledgeBucket = new s3.Bucket(this, 'KnowledgeBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      autoDeleteObjects: false,
      lifecycleRules: [
        // Abandoned uploads: a file PUT under uploads/ is moved to sources/ when it is added; what is left is dropped.
        { id: 'abandoned-uploads', prefix: 'uploads/', expiration: Duration.days(ABANDONED_UPLOAD_DAYS), noncurrentVersionExpiration: Duration.days(ABANDONED_UPLOAD_DAYS) },
        // Deleted or replaced documents: the old version is kept a while, then expired; lone delete markers are cleaned.
        { id: 'deleted-sources', noncurrentVersionExpiration: Duration.days(DELETED_DOCUMENT_DAYS), expiredObjectDeleteMarker: true },
        { id: 'incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // The admin's browser (the extension) PUTs to a presigned URL: the URL is the credential, bound to type and length.
      cors: [{ allowedMethods: [s3.HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['content-type'], maxAge: 3000 }],
    });
    NagSuppressions.addResourceSuppressions(this.knowledgeBucket, [
      {
        id: 'AwsSolutions-S1',
        // Justification: every access is by our own functions (logged in CloudTrail and their logs) or a presigned PUT
        // issued to an authenticated admin; a separate access-log bucket would hold no more than that.
        reason: 'Access is by our functions (CloudTrail) or short-lived presigned PUTs issued to authenticated admins.',
      },
    ]);

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'DynamoDB table (TABLE_NAME for the ops CLI)' });
    new CfnOutput(this, 'Region', { value: this.region, description: 'Region of the stack (AWS_REGION for the ops CLI)' });
    new CfnOutput(this, 'RetellApiKeySecretArn', {
      value: this.retellApiKeySecret.secretArn,
      description: 'Secret to fill with the Retell API key (aws secretsmanager put-secret-value --secret-id ...)',
    });
    new CfnOutput(this, 'VapiApiKeySecretArn', {
      value: this.vapiApiKeySecret.secretArn,
      description: "Secret to fill with the platform's Vapi private key (aws secretsmanager put-secret-value --secret-id ...)",
    });
    new CfnOutput(this, 'VapiWebhookSecretArn', {
      value: this.vapiWebhookSecret.secretArn,
      description: "Read it (aws secretsmanager get-secret-value) and paste it into Vapi's HMAC credential",
    });
  }
}
