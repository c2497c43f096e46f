import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnStage, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { FALLBACK_HANDLER, routeKey, routes as routeTable, type Route } from '../functions/routes.ts';
import { bindAccess, filesShippedWith } from './access-bindings.ts';
import { ApiAlarms } from './api-alarms.ts';
import type { DeployConfig } from './deploy-config.ts';
import { HouseFunction, PROJECT_ROOT } from './house-function.ts';
import { routeAuthorizer } from './route-authorizer.ts';
import { ShippingHttpApi } from './shipping-http-api.ts';
import type { ShippingUserPool } from './user-pool.ts';

/** `parcels/create-parcel` → `<project>/functions/handlers/parcels/create-parcel.ts`. */
export const handlerEntry = (handler: string): string => `${PROJECT_ROOT}functions/handlers/${handler}.ts`;

export interface ApiStackProps extends StackProps {
  config: DeployConfig;
  /** The stateful stack's table, found by name. */
  tableName: string;
  /** The stateful stack's invoice bucket, found by name. */
  invoiceBucketName: string;
  /** The stateful stack's Shiprocket credentials, found by name. */
  shiprocketSecretName: string;
  /** The stateful stack's webhook token, found by name. */
  webhookSecretName: string;
  userPool?: ShippingUserPool;
  /** The routes to deploy; the route table unless a test passes its own. */
  routes?: readonly Route[];
  /** Where a route's handler module lives; tests point it at a stub. */
  entryOf?: (handler: string) => string;
}

/**
 * The stateless half: the HTTP API, one function per route of the route table, their grants and
 * alarms. Everything here can be replaced on any deploy without touching data.
 */
export class ApiStack extends Stack {
  readonly httpApi: ShippingHttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // The authorizer imports the user pool: while the API uses it, CloudFormation refuses to delete it.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    this.httpApi = new ShippingHttpApi(this, 'Http', props.config);
    const alarms = new ApiAlarms(this, 'Alarms', this.httpApi.api);
    const authorizer = routeAuthorizer(props.config, props.userPool);
    const entryOf = props.entryOf ?? handlerEntry;
    const table = Table.fromTableAttributes(this, 'Table', { tableName: props.tableName, grantIndexPermissions: false });
    const invoiceBucket = Bucket.fromBucketName(this, 'InvoiceBucket', props.invoiceBucketName);
    const shiprocketSecret = Secret.fromSecretNameV2(this, 'ShiprocketSecret', props.shiprocketSecretName);
    const webhookSecret = Secret.fromSecretNameV2(this, 'WebhookSecret', props.webhookSecretName);
    const usedIds = new Set<string>();

    for (const route of props.routes ?? routeTable) {
      const id = routeConstructId(route);
      if (usedIds.has(id)) throw new Error(`two routes map to the construct id ${id}: rename one path`);
      usedIds.add(id);

      const fn = new HouseFunction(this, id, {
        entry: entryOf(route.handler),
        description: routeKey(route),
        settings: props.config.settings,
        bundledFiles: filesShippedWith(route.access),
      });
      bindAccess(fn.lambda, route.access, { table, invoiceBucket, shiprocketSecret, webhookSecret, stage: props.config.stage });
      this.addRoute(id, route, new HttpLambdaIntegration(`${id}Integration`, fn.lambda), authorizer);
      alarms.watchFunction(id, routeKey(route), fn.lambda);
    }

    this.addFallback(entryOf(FALLBACK_HANDLER), props, alarms);
    this.throttlePublicRoutes(props.routes ?? routeTable, props.config.settings.publicRouteThrottle);

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.stage.url });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
  }

  /** Routes without a token get their own, lower limit (HTTP APIs set per-route throttles on the stage). */
  private throttlePublicRoutes(routes: readonly Route[], throttle: { rateLimit: number; burstLimit: number }): void {
    const stage = this.httpApi.stage.node.defaultChild as CfnStage;
    stage.routeSettings = Object.fromEntries(
      routes
        .filter((route) => route.roles === 'public')
        .map((route) => [routeKey(route), { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit }]),
    );
  }

  /** Unmatched requests get the API's 404 error shape instead of API Gateway's own `{"message":"Not Found"}`. */
  private addFallback(entry: string, props: ApiStackProps, alarms: ApiAlarms): void {
    const fn = new HouseFunction(this, 'NotFound', { entry, description: '$default', settings: props.config.settings });
    const route = new HttpRoute(this, 'NotFoundRoute', {
      httpApi: this.httpApi.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('NotFoundIntegration', fn.lambda),
      authorizer: new HttpNoneAuthorizer(),
    });
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: '$default only answers 404 NOT_FOUND for paths that match no route; it reads and returns nothing.',
    });
    alarms.watchFunction('NotFound', '$default', fn.lambda);
  }

  private addRoute(id: string, route: Route, integration: HttpLambdaIntegration, authorizer: IHttpRouteAuthorizer): void {
    const isPublic = route.roles === 'public';
    const httpRoute = new HttpRoute(this, `${id}Route`, {
      httpApi: this.httpApi.api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration,
      authorizer: isPublic ? new HttpNoneAuthorizer() : authorizer,
    });
    if (isPublic) {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${routeKey(route)} is public in the route table (API.md): it takes no token; anything it checks, it checks in its handler.`,
      });
    }
  }
}

/** `GET /parcels/{parcelId}/status` → `GetParcelsParcelIdStatus`. */
export function routeConstructId(route: Pick<Route, 'method' | 'path'>): string {
  const words = `${route.method.toLowerCase()} ${route.path}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}
