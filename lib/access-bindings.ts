import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { RouteAccess } from '../functions/routes.ts';
import { INDEX_LIST } from '../functions/storage/table-design.ts';

/** The stateful resources a route may declare access to. */
export interface AccessTargets {
  /** Imported without index permissions: the binding names each index of `table-design.ts` itself. */
  table: ITable;
}

type AccessKind = keyof RouteAccess;
type Binding<K extends AccessKind> = (fn: LambdaFunction, level: NonNullable<RouteAccess[K]>, targets: AccessTargets) => void;

/**
 * One entry per access kind a route can declare: the grant and the environment variable that tells
 * the handler where the resource is, together, so permissions and configuration cannot drift.
 * A new kind in `RouteAccess` does not compile until it has its entry here.
 */
const BINDINGS: { [K in AccessKind]-?: Binding<K> } = {
  table: (fn, level, { table }) => {
    table.grant(fn, ...TABLE_ACTIONS[level]);
    fn.addToRolePolicy(queryIndexes(table));
    fn.addEnvironment('TABLE_NAME', table.tableName);
  },
};

/**
 * Explicit action lists rather than grantReadData/grantReadWriteData, which include Scan: the
 * design has none. Transactions need the per-item actions; ConditionCheckItem for their checks.
 */
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const TABLE_ACTIONS: Record<NonNullable<RouteAccess['table']>, string[]> = {
  read: READ_ACTIONS,
  readWrite: [...READ_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
};

/** Indexes are only ever queried (the design has no Scan); each one by name, no wildcard. */
function queryIndexes(table: ITable): PolicyStatement {
  return new PolicyStatement({
    actions: ['dynamodb:Query'],
    resources: INDEX_LIST.map((index) => `${table.tableArn}/index/${index.name}`),
  });
}

/** Grants `fn` exactly what `access` declares and sets the matching environment. */
export function bindAccess(fn: LambdaFunction, access: RouteAccess, targets: AccessTargets): void {
  for (const kind of Object.keys(access) as AccessKind[]) {
    const level = access[kind];
    if (level !== undefined) bindKind(kind, fn, level, targets);
  }
}

function bindKind<K extends AccessKind>(kind: K, fn: LambdaFunction, level: NonNullable<RouteAccess[K]>, targets: AccessTargets): void {
  const binding = BINDINGS[kind] as Binding<K> | undefined;
  if (!binding) throw new Error(`route access kind "${kind}" has no binding in access-bindings.ts`);
  binding(fn, level, targets);
}
