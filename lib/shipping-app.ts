import { Tags, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack, type ApiStackProps } from './api-stack.ts';
import { PanelsContentStack } from './panels-content-stack.ts';
import { PanelsStack } from './panels-stack.ts';
import { SERVICE_NAME, type DeployConfig } from './deploy-config.ts';
import { PANELS_BUILD_DIR } from '../local/panels-build.ts';
import { invoiceBucketNameFor, shiprocketSecretNameFor, StatefulStack, webhookSecretNameFor } from './stateful-stack.ts';

export interface ShippingStacks {
  stateful: StatefulStack;
  api: ApiStack;
  /** The panels (web UI) and their sign-in; absent when an external OIDC issuer replaces the user pool. */
  panels?: PanelsStack;
  panelsContent?: PanelsContentStack;
}

/** Test seams of the API stack; the app itself passes none. */
export type ApiOverrides = Pick<ApiStackProps, 'routes' | 'jobs' | 'entryOf'> & {
  /** The built panels UI to deploy (default `web/dist`, which bin/app.ts builds when stale). */
  panelsWebBuildDir?: string;
};

/**
 * Both stacks of one stage, checked by cdk-nag's AwsSolutions pack: a finding without an
 * acknowledgement fails synth.
 */
export function addShippingStacks(app: App, config: DeployConfig, { panelsWebBuildDir, ...overrides }: ApiOverrides = {}): ShippingStacks {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const prefix = `${SERVICE_NAME}-${config.stage}`;
  const stateful = new StatefulStack(app, `${prefix}-stateful`, { env, config, description: `Shipping ${config.stage}: table and users (retained)` });
  const panels = stateful.userPool && new PanelsStack(app, `${prefix}-panels`, { env, config, userPool: stateful.userPool.pool, description: `Shipping ${config.stage}: web panels (S3 + CloudFront) and their sign-in` });
  const api = new ApiStack(app, `${prefix}-api`, {
    env,
    // CORS for exactly the panels' origin.
    config: { ...config, panelsOrigin: panels?.origin ?? config.panelsOrigin },
    panelsClient: panels?.client,
    tableName: stateful.tableName,
    invoiceBucketName: invoiceBucketNameFor(config.stage),
    shiprocketSecretName: shiprocketSecretNameFor(config.stage),
    webhookSecretName: webhookSecretNameFor(config.stage),
    userPool: stateful.userPool,
    description: `Shipping ${config.stage}: HTTP API, functions, alarms`,
    ...overrides,
  });
  api.addStackDependency(stateful, 'the functions read and write its table');
  const panelsContent =
    panels &&
    new PanelsContentStack(app, `${prefix}-panels-content`, {
      env,
      stage: config.stage,
      distribution: panels.distribution,
      webBuildDir: panelsWebBuildDir ?? PANELS_BUILD_DIR,
      apiUrl: api.httpApi.api.apiEndpoint,
      cognitoDomain: panels.signInDomain.baseUrl(),
      clientId: panels.client.userPoolClientId,
      origin: panels.origin,
      description: `Shipping ${config.stage}: the panels' files and config.json`,
    });
  Tags.of(app).add('service', SERVICE_NAME);
  Tags.of(app).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, api, panels, panelsContent };
}
