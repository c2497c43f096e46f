import { beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../functions/jobs.ts';
import { routeKey, routes, type QueryTarget, type Route, type RouteAccess, type TableAction } from '../../functions/routes.ts';
import { INDEXES } from '../../functions/storage/table-design.ts';
import { jobDescription } from '../../lib/scheduled-jobs.ts';
import { actionsOfFunction, functionsByRouteKey, schedulesOf, statementsOfFunction, synthShipping, type SynthesizedShipping } from './infra-fixture.ts';

const TRACING_AND_LOGS = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'logs:CreateLogStream', 'logs:PutLogEvents']);
const TABLE_ARN = 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/shipping-dev';
const arnOf = (target: QueryTarget) => (target === 'table' ? TABLE_ARN : `${TABLE_ARN}/index/${INDEXES[target].name}`);

/** A policy resource as text: `Fn::Join` joined, `Ref`s as `${Name}`, anything else as JSON. */
function rendered(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const { Ref: ref, 'Fn::Join': join } = resource as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (typeof ref === 'string') return `\${${ref}}`;
  if (join) return join[1].map(rendered).join(join[0]);
  return JSON.stringify(resource);
}

/** Each DynamoDB action in the function's policies, with every resource it is allowed on, sorted. */
function tableGrantsOf(shipping: SynthesizedShipping, functionId: string): Record<string, string[]> {
  const grants: Record<string, Set<string>> = {};
  for (const statement of statementsOfFunction(shipping.api, functionId)) {
    for (const action of [statement.Action].flat().filter((name) => name.startsWith('dynamodb:') || name === '*')) {
      for (const resource of [statement.Resource].flat()) (grants[action] ??= new Set()).add(rendered(resource));
    }
  }
  return Object.fromEntries(Object.entries(grants).map(([action, resources]) => [action, [...resources].sort()]));
}

/** What a declaration must become: each action on the table; Query also on each index, by name. */
/** What a declaration must become: each action on the table; Query exactly where `queries` says, by name. */
const expectedGrants = ({ table = [], queries = [] }: RouteAccess): Record<string, string[]> =>
  Object.fromEntries(table.map((action) => [`dynamodb:${action}`, (action === 'Query' ? queries.map(arnOf) : [TABLE_ARN]).sort()]));

/** Every function that declares its access, by description: the routes, then the scheduled jobs. */
const declaredFunctions: readonly (readonly [string, { access: RouteAccess; isJob: boolean }])[] = [
  ...routes.map((route) => [routeKey(route), { access: route.access, isJob: false }] as const),
  ...jobs.map((job) => [jobDescription(job), { access: job.access, isJob: true }] as const),
];
/** What a job's function may do with its own dead-letter queue: send the record of a run that failed every retry (Lambda's on-failure destination). */
const DEAD_LETTER_ACTIONS = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];

describe('functions and their grants', () => {
  let shipping: SynthesizedShipping;
  beforeAll(() => {
    shipping = synthShipping({ stage: 'dev' });
  });

  const functionOf = (key: string) => functionsByRouteKey(shipping.api).get(key)!;
  const otherActionsOf = (functionId: string) =>
    [...actionsOfFunction(shipping.api, functionId)].filter((action) => !action.startsWith('dynamodb:') && !TRACING_AND_LOGS.has(action));

  it.each(declaredFunctions)('%s gets exactly the table actions and other access it declares', (key, { access, isJob }) => {
    const fn = functionOf(key);
    const declared = access.table ?? [];
    expect(tableGrantsOf(shipping, fn.id)).toEqual(expectedGrants(access));
    expect(fn.properties.Environment.Variables.TABLE_NAME).toBe(declared.length > 0 ? 'shipping-dev' : undefined);
    const expectedOthers = [
      ...(access.invoices ? ['s3:GetObject', 's3:PutObject'] : []),
      ...(access.courier || access.courierWebhook ? ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'] : []),
      ...(isJob ? DEAD_LETTER_ACTIONS : []),
    ];
    expect(otherActionsOf(fn.id).sort()).toEqual(expectedOthers.sort());
  });

  it.each(jobs.map((job) => [jobDescription(job)] as const))('%s may send only to its own dead-letter queue', (key) => {
    const fn = functionOf(key);
    const ownQueue = { 'Fn::GetAtt': [schedulesOf(shipping.api, fn.id)[0]!.queueId, 'Arn'] };
    const sqsStatements = statementsOfFunction(shipping.api, fn.id).filter((statement) => JSON.stringify(statement.Action).includes('sqs:'));
    expect(sqsStatements.map((statement) => [[statement.Action].flat().sort(), statement.Resource])).toEqual([[DEAD_LETTER_ACTIONS, ownQueue]]);
  });

  it('lets only the invoice function touch the invoice bucket, and only its invoices/ prefix', () => {
    const mentionsS3 = [...functionsByRouteKey(shipping.api).entries()]
      .filter(([, fn]) => JSON.stringify(statementsOfFunction(shipping.api, fn.id)).includes('s3:'))
      .map(([key]) => key);
    expect(mentionsS3).toEqual(['GET /parcels/{parcelId}/invoice']);
    const fn = functionOf('GET /parcels/{parcelId}/invoice');
    const s3Statements = statementsOfFunction(shipping.api, fn.id).filter((statement) => JSON.stringify(statement.Action).includes('s3:'));
    expect(s3Statements.map((statement) => [statement.Action, [statement.Resource].flat().map(rendered)])).toEqual([
      [['s3:PutObject', 's3:GetObject'], ['arn:${AWS::Partition}:s3:::shipping-dev-invoices-${AWS::AccountId}-${AWS::Region}/invoices/*']],
    ]);
    expect(fn.properties.Environment.Variables).toMatchObject({ INVOICE_FONT_DIR: '/var/task' });
  });

  it('lets the courier functions read only the Shiprocket credentials, and the webhook only its token', () => {
    const secretsOf = new Map(
      [...functionsByRouteKey(shipping.api).entries()]
        .map(([key, fn]) => [key, statementsOfFunction(shipping.api, fn.id).filter((entry) => JSON.stringify(entry.Action).includes('secretsmanager:'))] as const)
        .filter(([, statements]) => statements.length > 0)
        .map(([key, statements]) => [key, statements.flatMap((statement) => [statement.Resource].flat().map(rendered))]),
    );
    const secret = (name: string) => `arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${name}-??????`;
    expect(Object.fromEntries(secretsOf)).toEqual({
      'POST /parcels/{parcelId}/shiprocket': [secret('shipping/dev/shiprocket')],
      'POST /parcels/{parcelId}/shiprocket/cancel': [secret('shipping/dev/shiprocket')],
      'POST /parcels/{parcelId}/shiprocket/refresh': [secret('shipping/dev/shiprocket')],
      'POST /webhooks/courier': [secret('shipping/dev/courier-webhook')],
      'job sync-courier-tracking': [secret('shipping/dev/shiprocket')],
    });
  });

  it('gives the not-found fallback no table access at all', () => {
    const fn = functionOf('$default');
    expect(tableGrantsOf(shipping, fn.id)).toEqual({});
    expect(fn.properties.Environment.Variables.TABLE_NAME).toBeUndefined();
    expect(otherActionsOf(fn.id)).toEqual([]);
  });

  it('grants no DynamoDB wildcard, Scan, BatchWriteItem or table administration to any function', () => {
    for (const { id } of functionsByRouteKey(shipping.api).values()) {
      for (const [action, resources] of Object.entries(tableGrantsOf(shipping, id))) {
        expect(action).toMatch(/^dynamodb:(GetItem|BatchGetItem|Query|PutItem|UpdateItem|DeleteItem|ConditionCheckItem)$/);
        for (const resource of resources) expect(resource).not.toContain('*');
      }
    }
  });

  it('refuses at synth a route declaring no, unknown or repeated table actions', () => {
    const base: Route = { method: 'GET', path: '/probe', roles: 'public', handler: 'health', access: {} };
    const synthWith = (table: readonly string[]) => () => synthShipping({ stage: 'dev' }, [{ ...base, access: { table: table as TableAction[] } }]);
    expect(synthWith([])).toThrow(/is empty/);
    expect(synthWith(['GetItem', 'Scan'])).toThrow(/Scan, not grantable/);
    expect(synthWith(['GetItem', 'GetItem'])).toThrow(/repeats/);
  });

  it('refuses at synth a Query without where it goes, and a place to query without Query', () => {
    const base: Route = { method: 'GET', path: '/probe', roles: 'public', handler: 'health', access: {} };
    const synthWith = (access: RouteAccess) => () => synthShipping({ stage: 'dev' }, [{ ...base, access }]);
    expect(synthWith({ table: ['Query'] })).toThrow(/queries/);
    expect(synthWith({ table: ['GetItem'], queries: ['byKind'] })).toThrow(/queries/);
  });

  it('runs every function on the house defaults: 10 s for a route (the request bound), its own timeout for a job', () => {
    shipping.api.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'shipping', LOG_LEVEL: 'DEBUG' } },
    });
    const timeouts = Object.fromEntries([...functionsByRouteKey(shipping.api)].map(([key, fn]) => [key, fn.properties.Timeout]));
    const expected = Object.fromEntries([
      ...[...routes.map(routeKey), '$default'].map((key) => [key, 10]),
      ...jobs.map((job) => [jobDescription(job), job.timeoutSeconds]),
    ]);
    expect(timeouts).toEqual(expected);
  });

  it('gives functions roles without AWS managed policies', () => {
    for (const role of Object.values(shipping.api.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('keeps function logs two weeks in dev and a year in prod, deleting them only in dev', () => {
    const logGroups = (stage: string) => Object.values(synthShipping({ stage }).api.findResources('AWS::Logs::LogGroup'));
    const dev = logGroups('dev');
    // One per function (routes, the $default fallback, jobs) and the API's access logs.
    expect(dev).toHaveLength(routes.length + 1 + jobs.length + 1);
    for (const group of dev) expect([group.Properties.RetentionInDays, group.DeletionPolicy]).toEqual([14, 'Delete']);
    for (const group of logGroups('prod')) expect([group.Properties.RetentionInDays, group.DeletionPolicy]).toEqual([365, 'Retain']);
  });
});
