import { Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_RENDERER_FILES, packagedDocsAssetDir } from '../functions/openapi/docs-page.ts';
import type { RouteAccess, TableAction } from '../functions/routes.ts';
import { INDEXES } from '../functions/storage/table-design.ts';
import type { Stage } from './deploy-config.ts';
import { invoiceBucketNameFor } from './stateful-stack.ts';

/** The stateful resources a route may declare access to. */
export interface AccessTargets {
  /** Imported without index permissions: the binding names each index of `table-design.ts` itself. */
  table: ITable;
  invoiceBucket: IBucket;
  shiprocketSecret: ISecret;
  webhookSecret: ISecret;
  stage: Stage;
}

/** Where Lambda unpacks the function's bundle (and the files shipped with it). */
const TASK_ROOT = '/var/task';

/** Invoice PDFs live under one prefix of the bucket. */
export const INVOICE_OBJECT_PREFIX = 'invoices/';

type AccessKind = keyof RouteAccess;
type Binding<K extends AccessKind> = (fn: LambdaFunction, declared: NonNullable<RouteAccess[K]>, targets: AccessTargets) => void;

/**
 * One entry per access kind a route can declare: the grant and the environment variable that tells
 * the handler where the resource is, together, so permissions and configuration cannot drift.
 * A new kind in `RouteAccess` does not compile until it has its entry here.
 */
const BINDINGS: { [K in AccessKind]-?: Binding<K> } = {
  // Query is granted by `queries`, where the route's Queries go.
  table: (fn, declared, { table }) => {
    const actions = grantableTableActions(declared).filter((action) => action !== 'Query').map((action) => `dynamodb:${action}`);
    if (actions.length > 0) table.grant(fn, ...actions);
    fn.addEnvironment('TABLE_NAME', table.tableName);
  },
  queries: (fn, targets, { table }) => {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: targets.map((target) => (target === 'table' ? table.tableArn : `${table.tableArn}/index/${INDEXES[target].name}`)),
      }),
    );
  },
  // PutObject to store a PDF; GetObject because the links it hands out are signed with its role.
  invoices: (fn, _level, { invoiceBucket, stage }) => {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [invoiceBucket.arnForObjects(`${INVOICE_OBJECT_PREFIX}*`)] }));
    fn.addEnvironment('INVOICE_BUCKET', invoiceBucket.bucketName);
    fn.addEnvironment('INVOICE_FONT_DIR', TASK_ROOT);
    const bucketAsNagShowsIt = invoiceBucketNameFor(stage, '<AWS::AccountId>', '<AWS::Region>');
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucketAsNagShowsIt}/${INVOICE_OBJECT_PREFIX}*]`,
      reason: 'One object per parcel under the invoices/ prefix, keyed by seller and parcel ids known only at run time: the prefix is as narrow as the keys allow.',
    });
  },
  // The Shiprocket API user's credentials, read once per container; the login token is shared in the table.
  courier: (fn, _provider, { shiprocketSecret }) => {
    shiprocketSecret.grantRead(fn);
    fn.addEnvironment('SHIPROCKET_SECRET_ARN', shiprocketSecret.secretArn);
  },
  // Only the token Shiprocket sends with its pushes: the webhook never sees the API user's password.
  courierWebhook: (fn, _provider, { webhookSecret }) => {
    webhookSecret.grantRead(fn);
    fn.addEnvironment('SHIPROCKET_WEBHOOK_SECRET_ARN', webhookSecret.secretArn);
  },
  // No grant: the page is built from files shipped beside the bundle (filesShippedWith).
  docsPage: (fn) => {
    fn.addEnvironment('DOCS_ASSET_DIR', TASK_ROOT);
  },
};

/**
 * Files a route's function needs beside its bundle (see `shipFiles`): for the one that renders
 * invoices, the script that writes the invoice fonts there, cut down to what invoices print; for
 * the docs page, Swagger UI's script and stylesheet.
 */
export function filesShippedWith(access: RouteAccess): string[] {
  const files: string[] = [];
  if (access.invoices) files.push(fileURLToPath(new URL('./invoice-font-subset.ts', import.meta.url)));
  if (access.docsPage) files.push(...Object.values(DOCS_RENDERER_FILES).map((file) => join(packagedDocsAssetDir(), file)));
  return files;
}

/**
 * Every action a route may declare, checked again at synth (routes can come from a test or from
 * JavaScript): explicit lists rather than grantReadData/grantReadWriteData, which include Scan.
 */
const TABLE_ACTIONS: Record<TableAction, true> = {
  GetItem: true,
  BatchGetItem: true,
  Query: true,
  PutItem: true,
  UpdateItem: true,
  DeleteItem: true,
  ConditionCheckItem: true,
};

function grantableTableActions(declared: readonly TableAction[]): readonly TableAction[] {
  const refuse = (why: string) => new Error(`route access \`table\` ${why}: ${JSON.stringify(declared)}`);
  if (!Array.isArray(declared)) throw refuse('must be a list of DynamoDB actions');
  if (declared.length === 0) throw refuse('is empty (omit `table` instead)');
  const unknown = declared.filter((action) => !Object.hasOwn(TABLE_ACTIONS, action));
  if (unknown.length > 0) throw refuse(`names ${unknown.join(', ')}, not grantable table actions`);
  if (new Set(declared).size < declared.length) throw refuse('repeats an action');
  return declared;
}

/** Grants `fn` exactly what `access` declares and sets the matching environment. */
export function bindAccess(fn: LambdaFunction, access: RouteAccess, targets: AccessTargets): void {
  const queries = access.table?.includes('Query') ?? false;
  if (queries !== (access.queries !== undefined && access.queries.length > 0)) {
    throw new Error(`route access: \`queries\` (where its Queries go) is required exactly when \`table\` declares Query: ${JSON.stringify(access)}`);
  }
  for (const kind of Object.keys(access) as AccessKind[]) {
    const declared = access[kind];
    if (declared !== undefined) bindKind(kind, fn, declared, targets);
  }
}

function bindKind<K extends AccessKind>(kind: K, fn: LambdaFunction, declared: NonNullable<RouteAccess[K]>, targets: AccessTargets): void {
  const binding = BINDINGS[kind] as Binding<K> | undefined;
  if (!binding) throw new Error(`route access kind "${kind}" has no binding in access-bindings.ts`);
  binding(fn, declared, targets);
}
