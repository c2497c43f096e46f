import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { INDEX_LIST, TABLE_KEYS, TTL_ATTRIBUTE, type IndexDesign } from '../functions/storage/table-design.ts';
import { SERVICE_NAME, type DeployConfig, type Stage } from './deploy-config.ts';
import { ShippingUserPool } from './user-pool.ts';

export interface StatefulStackProps extends StackProps {
  config: DeployConfig;
}

/**
 * The stateful half: what holds data (the table, the invoice PDFs, the user accounts). It changes
 * rarely and is deployed on its own, so redeploying functions and routes never replaces or deletes it.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  /** A plain string, not a reference: other stacks use it without a CloudFormation export. */
  readonly tableName: string;
  readonly invoiceBucket: Bucket;
  readonly shiprocketSecret: Secret;
  readonly webhookSecret: Secret;
  /** Absent when an external OIDC issuer signs the tokens. */
  readonly userPool?: ShippingUserPool;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.stage === 'prod' });
    this.tableName = tableNameFor(props.config.stage);
    this.table = shippingTable(this, this.tableName);
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    this.invoiceBucket = invoiceBucket(this, invoiceBucketNameFor(props.config.stage));
    new CfnOutput(this, 'InvoiceBucketName', { value: this.invoiceBucket.bucketName });
    this.shiprocketSecret = shiprocketSecret(this, shiprocketSecretNameFor(props.config.stage));
    new CfnOutput(this, 'ShiprocketSecretName', { value: this.shiprocketSecret.secretName });
    this.webhookSecret = webhookTokenSecret(this, webhookSecretNameFor(props.config.stage));
    new CfnOutput(this, 'WebhookSecretName', { value: this.webhookSecret.secretName });
    if (!props.config.oidc) {
      this.userPool = new ShippingUserPool(this, 'Users', props.config);
      new CfnOutput(this, 'UserPoolId', { value: this.userPool.pool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.userPool.client.userPoolClientId });
    }
  }
}

/**
 * The table has a fixed name per stage: the API stack finds it by name (no CloudFormation export
 * ties the stacks together), operators find it in the console, and CloudFormation can never
 * silently replace it with an empty one.
 */
export const tableNameFor = (stage: Stage): string => `${SERVICE_NAME}-${stage}`;

/**
 * Fixed per stage, account and region (bucket names are global): the API stack finds it by name,
 * like the table.
 */
export const invoiceBucketNameFor = (stage: Stage, account: string = Aws.ACCOUNT_ID, region: string = Aws.REGION): string =>
  `${SERVICE_NAME}-${stage}-invoices-${account}-${region}`;

/**
 * Invoice PDFs: private, encrypted, TLS only, versioned (an overwrite never loses a document), kept
 * when the stack goes. GST law asks for invoices to be kept for years, so current versions never
 * expire; only superseded versions do.
 */
function invoiceBucket(scope: Construct, bucketName: string): Bucket {
  const bucket = new Bucket(scope, 'InvoiceBucket', {
    bucketName,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ id: 'superseded-versions', noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'Objects are read only through presigned links the invoice function signs after checking who asks; who asked is in the API access logs. Server access logs would add a log bucket for no extra audit.',
  });
  return bucket;
}

/** The Shiprocket API user's credentials, by a fixed name the API stack finds it by. */
export const shiprocketSecretNameFor = (stage: Stage): string => `${SERVICE_NAME}/${stage}/shiprocket`;

/**
 * Created with a placeholder value: an operator puts the API user's `{ "email", "password" }` in it
 * (docs/deploy.md). Retained: the credentials outlive any redeploy.
 */
function shiprocketSecret(scope: Construct, secretName: string): Secret {
  const secret = new Secret(scope, 'ShiprocketSecret', {
    secretName,
    description: 'Shiprocket API user: JSON { "email": "...", "password": "..." } (set it after the first deploy)',
    generateSecretString: { secretStringTemplate: JSON.stringify({ email: 'set-me@example.com' }), generateStringKey: 'password' },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: "The password belongs to a Shiprocket API user and changes only in Shiprocket's panel; rotating it here would lock the integration out.",
  });
  return secret;
}

/** The token Shiprocket sends in `x-api-key` with each tracking push. */
export const webhookSecretNameFor = (stage: Stage): string => `${SERVICE_NAME}/${stage}/courier-webhook`;

/**
 * Generated at deploy (`{ "token": "<32 characters>" }`): copy it into Shiprocket's webhook
 * settings (docs/deploy.md). Retained, so a redeploy never changes what Shiprocket must send.
 */
function webhookTokenSecret(scope: Construct, secretName: string): Secret {
  const secret = new Secret(scope, 'WebhookSecret', {
    secretName,
    description: 'Shiprocket tracking webhook token: JSON { "token": "..." }, to be set as the webhook token in Shiprocket',
    generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'token', passwordLength: 32, excludePunctuation: true },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: "Shiprocket's panel holds a copy of this token; rotating it here alone would reject every push until someone updates the panel.",
  });
  return secret;
}

/** The single table, built from `table-design.ts`. Data outlives the stack in every stage. */
function shippingTable(scope: Construct, tableName: string): Table {
  const stringKey = (name: string) => ({ name, type: AttributeType.STRING });
  const table = new Table(scope, 'ShippingTable', {
    tableName,
    partitionKey: stringKey(TABLE_KEYS.partitionKey),
    sortKey: stringKey(TABLE_KEYS.sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    timeToLiveAttribute: TTL_ATTRIBUTE,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of INDEX_LIST) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: stringKey(index.partitionKey),
      sortKey: stringKey(index.sortKey),
      ...projectionOf(index),
    });
  }
  return table;
}

function projectionOf({ projection }: IndexDesign) {
  switch (projection.type) {
    case 'ALL':
      return { projectionType: ProjectionType.ALL };
    case 'KEYS_ONLY':
      return { projectionType: ProjectionType.KEYS_ONLY };
    case 'INCLUDE':
      return { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...projection.attributes] };
  }
}
