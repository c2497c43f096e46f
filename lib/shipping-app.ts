import { Tags, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack, type ApiStackProps } from './api-stack.ts';
import { SERVICE_NAME, type DeployConfig } from './deploy-config.ts';
import { invoiceBucketNameFor, shiprocketSecretNameFor, StatefulStack, webhookSecretNameFor } from './stateful-stack.ts';

export interface ShippingStacks {
  stateful: StatefulStack;
  api: ApiStack;
}

/** Test seams of the API stack; the app itself passes none. */
export type ApiOverrides = Pick<ApiStackProps, 'routes' | 'jobs' | 'entryOf'>;

/**
 * Both stacks of one stage, checked by cdk-nag's AwsSolutions pack: a finding without an
 * acknowledgement fails synth.
 */
export function addShippingStacks(app: App, config: DeployConfig, overrides: ApiOverrides = {}): ShippingStacks {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const prefix = `${SERVICE_NAME}-${config.stage}`;
  const stateful = new StatefulStack(app, `${prefix}-stateful`, { env, config, description: `Shipping ${config.stage}: table and users (retained)` });
  const api = new ApiStack(app, `${prefix}-api`, {
    env,
    config,
    tableName: stateful.tableName,
    invoiceBucketName: invoiceBucketNameFor(config.stage),
    shiprocketSecretName: shiprocketSecretNameFor(config.stage),
    webhookSecretName: webhookSecretNameFor(config.stage),
    userPool: stateful.userPool,
    description: `Shipping ${config.stage}: HTTP API, functions, alarms`,
    ...overrides,
  });
  api.addStackDependency(stateful, 'the functions read and write its table');
  Tags.of(app).add('service', SERVICE_NAME);
  Tags.of(app).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, api };
}
