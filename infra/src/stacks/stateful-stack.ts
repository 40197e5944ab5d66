import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { TABLE_DESIGN } from '@vfc/shared/storage/table-design';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * What holds data and must survive redeploys: the one DynamoDB table (keys and indexes from the shared
 * `TABLE_DESIGN`) and the Retell API key secret. Deployed apart from the stateless stack so that replacing
 * functions or the API never touches data.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly retellApiKeySecret: secretsmanager.Secret;
  /** The platform's Vapi webhook secret (the HMAC credential's key that `/webhooks/vapi` verifies). */
  readonly vapiWebhookSecret: secretsmanager.Secret;

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
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.retellApiKeySecret = new secretsmanager.Secret(this, 'RetellApiKey', {
      secretName: `${config.prefix}/retell-api-key`,
      description: 'Retell AI API key (set after the first deploy with aws secretsmanager put-secret-value)',
      removalPolicy,
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

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'DynamoDB table (TABLE_NAME for the ops CLI)' });
    new CfnOutput(this, 'Region', { value: this.region, description: 'Region of the stack (AWS_REGION for the ops CLI)' });
    new CfnOutput(this, 'RetellApiKeySecretArn', {
      value: this.retellApiKeySecret.secretArn,
      description: 'Secret to fill with the Retell API key (aws secretsmanager put-secret-value --secret-id ...)',
    });
    new CfnOutput(this, 'VapiWebhookSecretArn', {
      value: this.vapiWebhookSecret.secretArn,
      description: "Read it (aws secretsmanager get-secret-value) and paste it into Vapi's HMAC credential",
    });
  }
}
