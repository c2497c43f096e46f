import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnStage, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { jobs as jobTable, type Job } from '../functions/jobs.ts';
import { FALLBACK_HANDLER, routeKey, routes as routeTable, type Route } from '../functions/routes.ts';
import { bindAccess, filesShippedWith, type AccessTargets } from './access-bindings.ts';
import { ApiAlarms } from './api-alarms.ts';
import type { DeployConfig } from './deploy-config.ts';
import { HouseFunction, PROJECT_ROOT } from './house-function.ts';
import { routeAuthorizer } from './route-authorizer.ts';
import { checkJobMinutes, jobConstructId, ScheduledJob } from './scheduled-jobs.ts';
import { ShippingHttpApi } from './shipping-http-api.ts';
import type { IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
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
  /** The panels' own app client (lib/panels-stack.ts): its tokens are accepted too. */
  panelsClient?: IUserPoolClient;
  /** The routes to deploy; the route table unless a test passes its own. */
  routes?: readonly Route[];
  /** The scheduled jobs to deploy; the job table unless a test passes its own. */
  jobs?: readonly Job[];
  /** Where a route's or job's handler module lives; tests point it at a stub. */
  entryOf?: (handler: string) => string;
}

/**
 * The stateless half: the HTTP API, one function per route of the route table, one scheduled
 * function per job of the job table, their grants and alarms. Everything here can be replaced on
 * any deploy without touching data.
 */
export class ApiStack extends Stack {
  readonly httpApi: ShippingHttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // The authorizer imports the user pool: while the API uses it, CloudFormation refuses to delete it.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    this.httpApi = new ShippingHttpApi(this, 'Http', props.config);
    const alarms = new ApiAlarms(this, 'Alarms', this.httpApi.api);
    const authorizer = routeAuthorizer(props.config, props.userPool, props.panelsClient);
    const entryOf = props.entryOf ?? handlerEntry;
    const table = Table.fromTableAttributes(this, 'Table', { tableName: props.tableName, grantIndexPermissions: false });
    const invoiceBucket = Bucket.fromBucketName(this, 'InvoiceBucket', props.invoiceBucketName);
    const shiprocketSecret = Secret.fromSecretNameV2(this, 'ShiprocketSecret', props.shiprocketSecretName);
    const webhookSecret = Secret.fromSecretNameV2(this, 'WebhookSecret', props.webhookSecretName);
    const targets: AccessTargets = { table, invoiceBucket, shiprocketSecret, webhookSecret, stage: props.config.stage };
    const routes = props.routes ?? routeTable;
    const usedIds = new Set<string>();
    const claimId = (id: string, what: string) => {
      if (usedIds.has(id)) throw new Error(`two ${what} map to the construct id ${id}: rename one`);
      usedIds.add(id);
    };

    for (const route of routes) {
      const id = routeConstructId(route);
      claimId(id, 'routes (or a route and a job)');

      const fn = new HouseFunction(this, id, {
        entry: entryOf(route.handler),
        description: routeKey(route),
        settings: props.config.settings,
        bundledFiles: filesShippedWith(route.access),
      });
      bindAccess(fn.lambda, route.access, targets);
      this.addRoute(id, route, new HttpLambdaIntegration(`${id}Integration`, fn.lambda), authorizer);
      alarms.watchFunction(id, routeKey(route), fn.lambda);
      if (receivesPushes(route)) alarms.watchRouteResponses(id, route, this.httpApi.stage.stageName);
    }

    const jobs = props.jobs ?? jobTable;
    checkJobMinutes(jobs, props.config.settings);
    for (const job of jobs) {
      const id = jobConstructId(job);
      claimId(id, 'jobs (or a job and a route)');
      const scheduled = new ScheduledJob(this, id, { job, entry: entryOf(job.handler), settings: props.config.settings, targets, alarms });
      new CfnOutput(this, `${id}DeadLetterQueueUrl`, { value: scheduled.deadLetterQueue.queueUrl, description: `Dead-letter queue of job ${job.name}` });
      new CfnOutput(this, `${id}LogGroup`, { value: scheduled.fn.logGroup.logGroupName, description: `Logs of job ${job.name}` });
    }

    this.addFallback(entryOf(FALLBACK_HANDLER), props, alarms);
    this.setRouteSettings(routes, props.config.settings.publicRouteThrottle);

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.stage.url });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
  }

  /**
   * Per-route settings of the stage (HTTP APIs keep them there): routes without a token get their
   * own, lower throttle; routes a courier pushes to get detailed metrics, which their spike alarms read.
   */
  private setRouteSettings(routes: readonly Route[], throttle: { rateLimit: number; burstLimit: number }): void {
    const stage = this.httpApi.stage.node.defaultChild as CfnStage;
    const settings = routes
      .filter((route) => route.roles === 'public' || receivesPushes(route))
      .map((route) => [
        routeKey(route),
        {
          ...(route.roles === 'public' ? { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit } : {}),
          ...(receivesPushes(route) ? { DetailedMetricsEnabled: true } : {}),
        },
      ]);
    stage.routeSettings = Object.fromEntries(settings);
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

/**
 * Routes a third party pushes to (the courier webhook): traffic we neither send nor control, so
 * their 4xx and 5xx spikes alarm on their own instead of drowning in the API's totals.
 */
const receivesPushes = (route: Route): boolean => route.access.courierWebhook !== undefined;

/** `GET /parcels/{parcelId}/status` → `GetParcelsParcelIdStatus`. */
export function routeConstructId(route: Pick<Route, 'method' | 'path'>): string {
  const words = `${route.method.toLowerCase()} ${route.path}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}
