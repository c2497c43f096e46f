/**
 * The route table: the only place routes are listed. The CDK stack builds API Gateway routes,
 * functions and their grants from it; the local server routes requests with it; the HTTP
 * middleware reads each route's roles from it (by API Gateway's `routeKey`).
 */
import type { Role } from './domain/principal.ts';
import type { IndexName } from './storage/table-design.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The DynamoDB IAM actions (`dynamodb:<action>`) a route may be granted on the table. A transaction
 * needs the action of each kind of item it holds (TransactWriteItems and TransactGetItems are no IAM
 * actions): Put → PutItem, Update → UpdateItem, ConditionCheck → ConditionCheckItem, Delete → DeleteItem.
 * Never Scan, BatchWriteItem or any table administration: the design has none.
 */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

/**
 * What a route's function may touch. The stack grants exactly this and sets the matching env.
 * `table`: exactly the actions its handler's storage calls send, and `queries`: exactly where its
 * Queries go (test/unit/route-grants.test.ts proves both).
 */
/** Where a route's Queries go: the table itself or one of the indexes of `table-design.ts`. */
export type QueryTarget = 'table' | IndexName;

export interface RouteAccess {
  table?: readonly TableAction[];
  /** With `Query` among the table actions: exactly where the Queries go (granted there and nowhere else). */
  queries?: readonly QueryTarget[];
  /** Writes invoice PDFs to the invoice bucket and signs links to read them (and renders them: the fonts ship with it). */
  invoices?: 'readWrite';
  /** Calls Shiprocket: reads its credentials (Secrets Manager in AWS) and shares the login token record in the table. */
  courier?: 'shiprocket';
  /** Receives Shiprocket's tracking push: reads the webhook token (Secrets Manager in AWS). */
  courierWebhook?: 'shiprocket';
  /** Serves the API's docs page: the renderer's files (the `swagger-ui-dist` package) ship beside its bundle. */
  docsPage?: 'swagger-ui';
}

export interface Route {
  method: HttpMethod;
  /** API Gateway path template, e.g. `/parcels/{parcelId}`. */
  path: string;
  /** Roles allowed to call it; `public` routes need no token. */
  roles: readonly Role[] | 'public';
  /** Handler module under `functions/handlers/`, without extension; it exports `handler`. */
  handler: string;
  access: RouteAccess;
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/health', roles: 'public', handler: 'health', access: { table: ['GetItem'] } },
  { method: 'GET', path: '/openapi.json', roles: 'public', handler: 'openapi/get-openapi-document', access: {} },
  { method: 'GET', path: '/docs', roles: 'public', handler: 'openapi/get-docs-page', access: { docsPage: 'swagger-ui' } },

  { method: 'POST', path: '/orders', roles: ['system', 'admin'], handler: 'orders/create-order', access: { table: ['PutItem', 'Query'], queries: ['table'] } },
  { method: 'GET', path: '/orders/{orderId}', roles: ['admin', 'customer', 'seller'], handler: 'orders/get-order', access: { table: ['Query'], queries: ['table'] } },
  { method: 'GET', path: '/order-items', roles: ['seller', 'admin'], handler: 'order-items/list-order-items', access: { table: ['Query'], queries: ['table', 'awaitingPacking', 'bySeller', 'byKind'] } },

  { method: 'POST', path: '/parcels', roles: ['seller'], handler: 'parcels/create-parcel', access: { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], queries: ['table'] } },
  { method: 'GET', path: '/parcels', roles: ['seller', 'admin', 'delivery', 'customer'], handler: 'parcels/list-parcels', access: { table: ['Query'], queries: ['bySeller', 'byCustomer', 'byDeliveryPerson', 'byKind'] } },
  { method: 'GET', path: '/parcels/{parcelId}', roles: ['seller', 'admin', 'delivery', 'customer'], handler: 'parcels/get-parcel', access: { table: ['GetItem'] } },
  { method: 'DELETE', path: '/parcels/{parcelId}', roles: ['seller', 'admin'], handler: 'parcels/delete-parcel', access: { table: ['GetItem', 'UpdateItem'] } },
  { method: 'POST', path: '/parcels/{parcelId}/status', roles: ['seller', 'admin', 'delivery'], handler: 'parcels/update-parcel-status', access: { table: ['GetItem', 'BatchGetItem', 'UpdateItem'] } },
  { method: 'GET', path: '/parcels/{parcelId}/invoice', roles: ['seller', 'admin', 'customer'], handler: 'parcels/get-parcel-invoice', access: { table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'], queries: ['table'], invoices: 'readWrite' } },
  { method: 'POST', path: '/parcels/{parcelId}/shiprocket', roles: ['seller'], handler: 'parcels/create-shiprocket-shipment', access: { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], queries: ['table'], courier: 'shiprocket' } },
  { method: 'POST', path: '/parcels/{parcelId}/shiprocket/cancel', roles: ['seller', 'admin'], handler: 'parcels/cancel-shiprocket-shipment', access: { table: ['GetItem', 'UpdateItem'], courier: 'shiprocket' } },
  { method: 'POST', path: '/parcels/{parcelId}/shiprocket/refresh', roles: ['seller', 'admin'], handler: 'parcels/refresh-shiprocket-shipment', access: { table: ['GetItem', 'UpdateItem'], courier: 'shiprocket' } },

  { method: 'POST', path: '/webhooks/courier', roles: 'public', handler: 'webhooks/courier-webhook', access: { table: ['Query', 'GetItem', 'UpdateItem'], queries: ['byAwb'], courierWebhook: 'shiprocket' } },

  { method: 'POST', path: '/returns', roles: ['customer'], handler: 'returns/create-return', access: { table: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], queries: ['table', 'byCustomer'] } },
  { method: 'GET', path: '/returns', roles: ['admin', 'seller', 'customer', 'delivery'], handler: 'returns/list-returns', access: { table: ['Query'], queries: ['bySeller', 'byCustomer', 'byDeliveryPerson', 'byKind', 'returnQueue'] } },
  { method: 'GET', path: '/returns/{returnId}', roles: ['admin', 'seller', 'customer', 'delivery'], handler: 'returns/get-return', access: { table: ['GetItem'] } },
  { method: 'POST', path: '/returns/{returnId}/approve', roles: ['admin'], handler: 'returns/approve-return', access: { table: ['GetItem', 'UpdateItem'] } },
  { method: 'POST', path: '/returns/{returnId}/decline', roles: ['admin'], handler: 'returns/decline-return', access: { table: ['GetItem', 'UpdateItem'] } },
  { method: 'POST', path: '/returns/{returnId}/assign', roles: ['admin'], handler: 'returns/assign-return', access: { table: ['BatchGetItem', 'UpdateItem'] } },
  { method: 'POST', path: '/returns/{returnId}/pickup', roles: ['admin', 'delivery'], handler: 'returns/pickup-return', access: { table: ['GetItem', 'UpdateItem'] } },
  { method: 'POST', path: '/returns/{returnId}/receive', roles: ['admin'], handler: 'returns/receive-return', access: { table: ['GetItem', 'UpdateItem'] } },

  { method: 'PUT', path: '/sellers/{sellerId}', roles: ['admin', 'system'], handler: 'sellers/put-seller', access: { table: ['PutItem'] } },
  { method: 'GET', path: '/sellers/{sellerId}', roles: ['admin', 'system', 'seller'], handler: 'sellers/get-seller', access: { table: ['GetItem'] } },

  { method: 'POST', path: '/delivery-persons', roles: ['admin'], handler: 'delivery-persons/create-delivery-person', access: { table: ['PutItem'] } },
  { method: 'GET', path: '/delivery-persons', roles: ['admin', 'seller'], handler: 'delivery-persons/list-delivery-persons', access: { table: ['Query'], queries: ['byKind'] } },
];

export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;

const byKey = new Map(routes.map((route) => [routeKey(route), route]));

export function findRoute(key: string): Route | undefined {
  return byKey.get(key);
}

/** What answers when no route matches: API Gateway's `$default` route, the local server's fallback. */
export const FALLBACK_HANDLER = 'not-found';
