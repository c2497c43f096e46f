import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fileURLToPath } from 'node:url';
import { jobs, type Job } from '../../functions/jobs.ts';
import { routeKey, routes, type Route } from '../../functions/routes.ts';
import { deployConfigFrom, type DeployContext, type StageSettings } from '../../lib/deploy-config.ts';
import { jobDescription } from '../../lib/scheduled-jobs.ts';
import { addShippingStacks, type ShippingStacks } from '../../lib/shipping-app.ts';

const STUB_HANDLER = fileURLToPath(new URL('./fixtures/stub-handler.ts', import.meta.url));
/** A stand-in for the built panels (web/dist), so synth needs no Vite build. */
const PANELS_WEB_FIXTURE = fileURLToPath(new URL('./fixtures/panels-web', import.meta.url));

export interface SynthesizedShipping {
  app: App;
  stacks: ShippingStacks;
  api: Template;
  stateful: Template;
  panels: Template;
  panelsContent: Template;
}

export interface SynthOptions {
  /** The scheduled jobs instead of `functions/jobs.ts`. */
  jobs?: readonly Job[];
  /** Stage settings to change on top of the stage's own. */
  settings?: Partial<StageSettings>;
}

/**
 * The app exactly as bin/app.ts builds it (cdk-nag included: a finding fails here), minus bundling
 * and CloudFormation schema validation, with every handler replaced by one stub file.
 */
export function synthShipping(context: DeployContext = {}, routes?: readonly Route[], options: SynthOptions = {}): SynthesizedShipping {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const config = deployConfigFrom(context);
  const settings = { ...config.settings, ...options.settings };
  const stacks = addShippingStacks(app, { ...config, settings }, { routes, jobs: options.jobs, entryOf: () => STUB_HANDLER, panelsWebBuildDir: PANELS_WEB_FIXTURE });
  const templateOf = (stack: Stack | undefined) => (stack ? Template.fromStack(stack) : Template.fromJSON({}));
  return { app, stacks, api: Template.fromStack(stacks.api), stateful: Template.fromStack(stacks.stateful), panels: templateOf(stacks.panels), panelsContent: templateOf(stacks.panelsContent) };
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

/** Function logical id by its description: its route key, or `job <name>`. */
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

/** Every function of the API stack by description: one per route, the fallback, one per scheduled job. */
export const expectedFunctionDescriptions = () => [...expectedRouteKeys(), ...jobs.map(jobDescription)].sort();

/** What a `Ref` or `Fn::GetAtt` points at: the logical id. */
export const logicalIdOf = (reference: unknown): string | undefined => {
  const { Ref: ref, 'Fn::GetAtt': getAtt } = (reference ?? {}) as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  return ref ?? getAtt?.[0];
};

export interface DeployedSchedule {
  ruleId: string;
  rule: Record<string, any>;
  /** The rule's one target, which invokes the function. */
  target: Record<string, any>;
  /** The dead-letter queue named by that target. */
  queueId: string;
}

/** The schedules invoking a job's function, with the dead-letter queue of each. */
export function schedulesOf(template: Template, functionId: string): DeployedSchedule[] {
  return Object.entries(resourcesOf(template, 'AWS::Events::Rule'))
    .filter(([, rule]) => rule.Properties.Targets.some((target: { Arn: unknown }) => logicalIdOf(target.Arn) === functionId))
    .map(([ruleId, { Properties: rule }]) => ({ ruleId, rule, target: rule.Targets[0], queueId: logicalIdOf(rule.Targets[0].DeadLetterConfig?.Arn)! }));
}
