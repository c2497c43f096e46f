import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes, type Route } from '../../functions/routes.ts';
import { actionsOfFunction, deployedRoutes, expectedRouteKeys, functionsByRouteKey, synthShipping, type SynthesizedShipping } from './infra-fixture.ts';

describe('API stack built from the route table', () => {
  let shipping: SynthesizedShipping;
  beforeAll(() => {
    shipping = synthShipping({ stage: 'dev', panelsOrigin: 'https://panels.example.com' });
  });

  it('deploys exactly the routes of the table, public ones without auth and the rest behind the JWT authorizer', () => {
    const deployed = deployedRoutes(shipping.api);
    expect(deployed.map((route) => route.routeKey).sort()).toEqual(expectedRouteKeys());
    expect(deployed.find((route) => route.routeKey === '$default')?.authorizationType).toBe('NONE');
    for (const route of routes) {
      const found = deployed.find((candidate) => candidate.routeKey === routeKey(route))!;
      expect(found.authorizationType, routeKey(route)).toBe(route.roles === 'public' ? 'NONE' : 'JWT');
    }
  });

  it('integrates each route with its own function, described by its route key', () => {
    const functions = functionsByRouteKey(shipping.api);
    for (const deployed of deployedRoutes(shipping.api)) {
      expect(functions.get(deployed.routeKey)?.id, deployed.routeKey).toBe(deployed.functionId);
    }
    expect(new Set(deployedRoutes(shipping.api).map((route) => route.functionId)).size).toBe(routes.length + 1);
  });

  it('uses the Cognito user pool as issuer and its command-line and panels app clients as audience', () => {
    shipping.api.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    shipping.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [
          { 'Fn::ImportValue': Match.stringLikeRegexp('^shipping-dev-stateful:ExportsOutputRefUsersPoolCliClient') },
          { 'Fn::ImportValue': Match.stringLikeRegexp('^shipping-dev-panels:ExportsOutputRefWebClient') },
        ],
        // Exactly the user pool's issuer URL in the deployed region: a typo here would refuse every token.
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { 'Fn::ImportValue': Match.stringLikeRegexp('^shipping-dev-stateful:ExportsOutputRefUsersPool[0-9A-F]+$') }]],
        },
      },
    });
  });

  it('throttles each route without a token on its own, lower limit (anonymous traffic cannot use up the shared rate), and publishes the webhook\'s own metrics', () => {
    const stage = Object.values(shipping.api.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage.Properties.RouteSettings).toEqual({
      'GET /health': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      'GET /openapi.json': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      'GET /docs': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      // Detailed metrics: API Gateway publishes per-route 4xx and 5xx only with them, and the spike alarms read those.
      'POST /webhooks/courier': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20, DetailedMetricsEnabled: true },
    });
    expect(stage.Properties.DefaultRouteSettings.DetailedMetricsEnabled).toBeUndefined();
  });

  it('throttles every route by default and writes JSON access logs', () => {
    shipping.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"routeKey":"\\$context.routeKey"') },
    });
  });

  it('allows the configured panels origin through CORS, with the Idempotency-Key header', () => {
    shipping.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: { AllowOrigins: ['https://panels.example.com'], AllowHeaders: ['authorization', 'content-type', 'idempotency-key'] },
    });
  });

  it("allows exactly the panels' CloudFront origin through CORS when no other is configured", () => {
    const { api } = synthShipping({ stage: 'dev' });
    const cors = Object.values(api.findResources('AWS::ApiGatewayV2::Api'))[0]!.Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toEqual([{ 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': expect.stringMatching(/^shipping-dev-panels:ExportsOutputFnGetAttDistribution[0-9A-F]+DomainName/) }]] }]);
  });

  it('sends no CORS headers with an external OIDC issuer and no panels origin (no panels are deployed then)', () => {
    const { api, stacks } = synthShipping({ stage: 'dev', jwtIssuer: 'https://login.example.com/', jwtAudience: 'shipping-api' });
    expect(stacks.panels).toBeUndefined();
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });
});

describe('a route added to the table', () => {
  const extraRoute: Route = {
    method: 'GET',
    path: '/parcels/{parcelId}/labels',
    roles: ['seller', 'admin'],
    handler: 'parcels/get-parcel-label',
    access: { table: ['GetItem', 'Query'], queries: ['byKind'] },
  };

  it('appears in API Gateway with its authorization, its function and its grants, with no other change', () => {
    const { api } = synthShipping({ stage: 'dev' }, [...routes, extraRoute]);
    const deployed = deployedRoutes(api).find((route) => route.routeKey === 'GET /parcels/{parcelId}/labels');
    expect(deployed?.authorizationType).toBe('JWT');

    const fn = functionsByRouteKey(api).get('GET /parcels/{parcelId}/labels')!;
    expect(fn.id).toBe(deployed!.functionId);
    expect(fn.properties.Environment.Variables.TABLE_NAME).toBe('shipping-dev');
    const actions = actionsOfFunction(api, fn.id);
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:PutItem');
  });

  it('is refused when two paths would share a construct id', () => {
    const clash: Route = { ...extraRoute, path: '/parcels/{parcelId}-labels' };
    expect(() => synthShipping({ stage: 'dev' }, [extraRoute, clash])).toThrow(/construct id/);
  });
});
