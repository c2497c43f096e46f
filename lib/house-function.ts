import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { FUNCTION_TIMEOUT_MS } from '../functions/time-budget.ts';
import { SERVICE_NAME, type StageSettings } from './deploy-config.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * How every function is bundled. The bench re-runs esbuild with exactly these options to attribute
 * bundle bytes to dependencies, so this is the one place they are written down.
 */
export const HOUSE_BUNDLE = {
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  /** CommonJS dependencies inside an ESM bundle still call `require` for Node built-ins. */
  banner: "import { createRequire as __houseCreateRequire } from 'node:module'; const require = __houseCreateRequire(import.meta.url);",
  /**
   * The AWS SDK is bundled (pinned by the lock file, tree-shaken): one minified file imports in
   * about half the time of the runtime's SDK resolved from its many package files.
   */
  external: [] as string[],
  /**
   * Lambda's credentials are always in the environment; see functions/lambda-credentials.ts. The
   * others put out of every bundle SDK code that no call here runs (functions/bundle-aliases/).
   */
  alias: {
    '@aws-sdk/credential-provider-node': `${PROJECT_ROOT}functions/lambda-credentials.ts`,
    '@smithy/core/event-streams': `${PROJECT_ROOT}functions/bundle-aliases/event-streams.ts`,
    '@aws-sdk/endpoint-cache': `${PROJECT_ROOT}functions/bundle-aliases/endpoint-cache.ts`,
  },
  minify: true,
  /** Licence comments of the dependencies stay in node_modules; the function reads none of them. */
  legalComments: 'none',
  sourcemap: true,
} as const;

export interface HouseFunctionProps {
  /** TypeScript module exporting `handler`. */
  entry: string;
  description: string;
  settings: StageSettings;
  timeout?: Duration;
  memorySize?: number;
  /** Absolute paths of files to place next to the bundle (Lambda's /var/task): copied, or for a `.ts` script, run with the bundle folder as its argument. */
  bundledFiles?: readonly string[];
}

/**
 * The project's Lambda function: Node.js 22 on arm64, minified ESM with a source map beside it, X-Ray,
 * its own log group, and a role that starts with nothing but writing to that log group.
 */
export class HouseFunction extends Construct {
  readonly lambda: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    const logGroup = (this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.settings.logRetention,
      removalPolicy: props.settings.removalPolicy,
    }));
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.lambda = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? Duration.millis(FUNCTION_TIMEOUT_MS),
      memorySize: props.memorySize ?? 512,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        LOG_LEVEL: props.settings.logLevel,
      },
      bundling: {
        target: HOUSE_BUNDLE.target,
        format: OutputFormat.ESM,
        mainFields: [...HOUSE_BUNDLE.mainFields],
        banner: HOUSE_BUNDLE.banner,
        externalModules: [...HOUSE_BUNDLE.external],
        esbuildArgs: {
          ...Object.fromEntries(Object.entries(HOUSE_BUNDLE.alias).map(([name, target]) => [`--alias:${name}`, target])),
          '--legal-comments': HOUSE_BUNDLE.legalComments,
        },
        minify: HOUSE_BUNDLE.minify,
        sourceMap: HOUSE_BUNDLE.sourcemap,
        sourcesContent: false,
        commandHooks: shipFiles(props.bundledFiles ?? []),
      },
    });

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason: 'Node.js 22 is the one Node major of this project for development, CI and Lambda (package.json engines); the runtime moves when all three move.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
      },
    );
  }
}

/**
 * Bundling hooks that put `files` into the bundle's folder after esbuild ran: a `.ts` file is a
 * script, run from the project root with the project's Node 22 (the hooks run on the machine's
 * PATH, whose `node` may be another version) and tsx, given the folder to write its files into;
 * any other file is copied.
 */
export function shipFiles(files: readonly string[]) {
  if (files.length === 0) return undefined;
  const node = `${PROJECT_ROOT}node_modules/.bin/node`;
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir: string, outputDir: string) =>
      files.map((file) => (file.endsWith('.ts') ? `cd "${PROJECT_ROOT}" && "${node}" --import tsx "${file}" "${outputDir}"` : `cp "${file}" "${outputDir}/"`)),
  };
}
