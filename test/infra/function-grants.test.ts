import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { INDEX_LIST } from '../../functions/storage/table-design.ts';
import { actionsOfFunction, functionsByRouteKey, statementsOfFunction, synthShipping, type SynthesizedShipping } from './infra-fixture.ts';

const TABLE_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];
const NEVER = ['dynamodb:Scan', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteTable', 'dynamodb:*'];
const TRACING_AND_LOGS = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'logs:CreateLogStream', 'logs:PutLogEvents']);

describe('functions and their grants', () => {
  let shipping: SynthesizedShipping;
  beforeAll(() => {
    shipping = synthShipping({ stage: 'dev' });
  });

  const functionOf = (key: string) => functionsByRouteKey(shipping.api).get(key)!;

  it.each(routes.map((route) => [routeKey(route), route] as const))('%s gets exactly what its route declares', (key, route) => {
    const fn = functionOf(key);
    const actions = actionsOfFunction(shipping.api, fn.id);
    const tableActions = [...actions].filter((action) => action.startsWith('dynamodb:'));
    const env = fn.properties.Environment.Variables;

    if (route.access.table === undefined) {
      expect(tableActions).toEqual([]);
      expect(env.TABLE_NAME).toBeUndefined();
    } else {
      expect(env.TABLE_NAME).toBe('shipping-dev');
      expect(actions).toContain('dynamodb:GetItem');
      expect(actions).toContain('dynamodb:Query');
      for (const write of TABLE_WRITES) {
        if (route.access.table === 'readWrite') expect(actions).toContain(write);
        else expect(actions).not.toContain(write);
      }
      for (const action of NEVER) expect(actions).not.toContain(action);
    }
    const others = [...actions].filter((action) => !action.startsWith('dynamodb:') && !TRACING_AND_LOGS.has(action));
    expect(others).toEqual([]);
  });

  it('grants index queries on each index of the table design by name, never a wildcard', () => {
    const fn = functionOf('GET /parcels');
    const indexStatement = statementsOfFunction(shipping.api, fn.id).find((statement) => JSON.stringify(statement.Resource).includes('/index/'))!;
    expect(indexStatement.Action).toBe('dynamodb:Query');
    const resources = JSON.stringify(indexStatement.Resource);
    for (const index of INDEX_LIST) expect(resources).toContain(`/index/${index.name}`);
    expect(resources).not.toContain('/index/*');
  });

  it('runs every function on the house defaults', () => {
    shipping.api.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 10,
      MemorySize: 512,
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: 'shipping', LOG_LEVEL: 'DEBUG' } },
    });
  });

  it('gives functions roles without AWS managed policies', () => {
    for (const role of Object.values(shipping.api.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('keeps function logs two weeks in dev and a year in prod, deleting them only in dev', () => {
    const logGroups = (stage: string) => Object.values(synthShipping({ stage }).api.findResources('AWS::Logs::LogGroup'));
    const dev = logGroups('dev');
    expect(dev).toHaveLength(routes.length + 2);
    for (const group of dev) expect([group.Properties.RetentionInDays, group.DeletionPolicy]).toEqual([14, 'Delete']);
    for (const group of logGroups('prod')) expect([group.Properties.RetentionInDays, group.DeletionPolicy]).toEqual([365, 'Retain']);
  });
});
