import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpStage, LogGroupLogDestination, type CorsPreflightOptions } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DeployConfig } from './deploy-config.ts';

/** One JSON line per request, with the HTTP API's own context variables. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
};

const CORS_METHODS = [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS];

/** The HTTP API with its `$default` stage: stage-wide throttling, JSON access logs, CORS for the panels. */
export class ShippingHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, config: DeployConfig) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: `shipping-${config.stage}`,
      createDefaultStage: false,
      corsPreflight: config.panelsOrigin ? panelsCors(config.panelsOrigin) : undefined,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.settings.logRetention,
      removalPolicy: config.settings.removalPolicy,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: config.settings.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }
}

function panelsCors(origin: string): CorsPreflightOptions {
  return {
    allowOrigins: [origin],
    allowMethods: CORS_METHODS,
    // Idempotency-Key: the panels' creates are safe to retry (docs/api.md).
    allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
    maxAge: Duration.hours(1),
  };
}
