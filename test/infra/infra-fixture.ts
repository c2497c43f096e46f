import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fileURLToPath } from 'node:url';
import { routeKey, routes, type Route } from '../../functions/routes.ts';
import { deployConfigFrom, type DeployContext } from '../../lib/deploy-config.ts';
import { addShippingStacks, type ShippingStacks } from '../../lib/shipping-app.ts';

const STUB_HANDLER = fileURLToPath(new URL('./fixtures/stub-handler.ts', import.meta.url));

export interface SynthesizedShipping {
  app: App;
  stacks: ShippingStacks;
  api: Template;
  stateful: Template;
}

/**
 * The app exactly as bin/app.ts builds it (cdk-nag included: a finding fails here), minus bundling
 * and CloudFormation schema validation, with every handler replaced by one stub file.
 */
export function synthShipping(context: DeployContext = {}, routes?: readonly Route[]): SynthesizedShipping {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const stacks = addShippingStacks(app, deployConfigFrom(context), { routes, entryOf: () => STUB_HANDLER });
  return { app, stacks, api: Template.fromStack(stacks.api), stateful: Template.fromStack(stacks.stateful) };
}

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

const resourcesOf = (template: Template, type: string): Resources => template.findResources(type) as Resources;

export interface DeployedRoute {
  routeKey: string;
  authorizationType: string;
  functionId: string;
}

/** Each API Gateway route with its authorization and the function its integration invokes. */
export function deployedRoutes(template: Template): DeployedRoute[] {
  const integrations = resourcesOf(template, 'AWS::ApiGatewayV2::Integration');
  return Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map(({ Properties: route }) => {
    const integrationId = route.Target['Fn::Join'][1][1].Ref as string;
    const functionId = integrations[integrationId]!.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
    return { routeKey: route.RouteKey, authorizationType: route.AuthorizationType, functionId };
  });
}

/** Function logical id by its description, which is its route key. */
export function functionsByRouteKey(template: Template): Map<string, { id: string; properties: Record<string, any> }> {
  const functions = Object.entries(resourcesOf(template, 'AWS::Lambda::Function'));
  return new Map(functions.map(([id, { Properties }]) => [Properties.Description as string, { id, properties: Properties }]));
}

export interface PolicyStatement {
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of every policy attached to the function's role. */
export function statementsOfFunction(template: Template, functionId: string): PolicyStatement[] {
  const fn = resourcesOf(template, 'AWS::Lambda::Function')[functionId]!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter(({ Properties }) => Properties.Roles.some((role: { Ref?: string }) => role.Ref === roleId))
    .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as PolicyStatement[]);
}

export function actionsOfFunction(template: Template, functionId: string): Set<string> {
  return new Set(statementsOfFunction(template, functionId).flatMap((statement) => [statement.Action].flat()));
}

/** What API Gateway should hold: every route of the table plus the `$default` 404 fallback. */
export const expectedRouteKeys = (table: readonly Route[] = routes) => [...table.map(routeKey), '$default'].sort();
