import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** Everything that differs between stages lives here and nowhere else. */
export interface StageSettings {
  logRetention: RetentionDays;
  /** For re-creatable resources (log groups, user pool in dev). The table is always retained. */
  removalPolicy: RemovalPolicy;
  logLevel: 'DEBUG' | 'INFO';
  /** Stage-wide default for every route; API Gateway answers 429 above it. */
  throttle: { rateLimit: number; burstLimit: number };
  /** Each route without a token (health, the courier webhook) on its own, so anonymous traffic cannot use up the shared rate. */
  publicRouteThrottle: { rateLimit: number; burstLimit: number };
  /**
   * How often a scheduled job of `functions/jobs.ts` runs here, in whole minutes, by job name, when
   * it differs from the job's own `everyMinutes`. A name that is no job fails synth.
   */
  jobMinutes?: Partial<Record<string, number>>;
}

export const STAGE_SETTINGS: Record<Stage, StageSettings> = {
  dev: {
    logRetention: RetentionDays.TWO_WEEKS,
    removalPolicy: RemovalPolicy.DESTROY,
    logLevel: 'DEBUG',
    throttle: { rateLimit: 50, burstLimit: 100 },
    publicRouteThrottle: { rateLimit: 10, burstLimit: 20 },
  },
  prod: {
    logRetention: RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    logLevel: 'INFO',
    throttle: { rateLimit: 500, burstLimit: 1000 },
    publicRouteThrottle: { rateLimit: 50, burstLimit: 100 },
  },
};

/** An external OpenID Connect provider that issues the API's tokens instead of the stack's user pool. */
export interface OidcIssuer {
  issuer: string;
  audience: string[];
}

export interface DeployConfig {
  stage: Stage;
  settings: StageSettings;
  /** Browser origin of the panels allowed by CORS; without it the API sends no CORS headers. */
  panelsOrigin?: string;
  /** When set, the API trusts this issuer and the stack creates no user pool. */
  oidc?: OidcIssuer;
}

export const SERVICE_NAME = 'shipping';

export interface DeployContext {
  stage?: unknown;
  panelsOrigin?: unknown;
  jwtIssuer?: unknown;
  jwtAudience?: unknown;
}

/** Reads `-c stage=… -c panelsOrigin=… -c jwtIssuer=… -c jwtAudience=a,b` and rejects what would deploy wrongly. */
export function deployConfigFrom(context: DeployContext): DeployConfig {
  const stage = context.stage ?? 'dev';
  if (!isStage(stage)) throw new Error(`context stage must be one of ${STAGES.join(', ')}; got ${String(stage)}`);
  return {
    stage,
    settings: STAGE_SETTINGS[stage],
    panelsOrigin: optionalOrigin(context.panelsOrigin),
    oidc: optionalOidc(context.jwtIssuer, context.jwtAudience),
  };
}

export function deployConfigFromNode(node: Node): DeployConfig {
  const read = (key: keyof DeployContext): unknown => node.tryGetContext(key);
  return deployConfigFrom({
    stage: read('stage'),
    panelsOrigin: read('panelsOrigin'),
    jwtIssuer: read('jwtIssuer'),
    jwtAudience: read('jwtAudience'),
  });
}

function isStage(value: unknown): value is Stage {
  return STAGES.includes(value as Stage);
}

function optionalOrigin(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const origin = new URL(String(value)).origin;
  if (origin === 'null') throw new Error(`context panelsOrigin must be an http(s) origin; got ${String(value)}`);
  return origin;
}

function optionalOidc(issuer: unknown, audience: unknown): OidcIssuer | undefined {
  if (issuer === undefined && audience === undefined) return undefined;
  if (typeof issuer !== 'string' || !issuer.startsWith('https://')) {
    throw new Error('context jwtIssuer must be an https:// issuer URL when jwtAudience is given');
  }
  const audiences = String(audience ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (audiences.length === 0) throw new Error('context jwtAudience must name at least one audience when jwtIssuer is given');
  return { issuer, audience: audiences };
}
