import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './house-function.ts';
import { SERVICE_NAME, type Stage } from './deploy-config.ts';

/**
 * `cdk synth` of the real app (bin/app.ts) into `outdir`: offline, bundling every function with the
 * local esbuild, cdk-nag included. Used by the synth test and the bundle bench.
 */
export async function synthesizeApp(outdir: string, stage: Stage = 'dev'): Promise<void> {
  const bin = join(PROJECT_ROOT, 'node_modules', '.bin');
  await promisify(execFile)(join(bin, 'cdk'), ['synth', '--quiet', '--no-notices', '--no-version-reporting', '--output', outdir, '--context', `stage=${stage}`], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface SynthesizedFunction {
  /** The function's description: its route key, or `job <name>` for a scheduled job. */
  routeKey: string;
  /** Absolute path of the bundled asset directory (index.mjs and its source map). */
  bundleDir: string;
}

/** The functions of the API stack (routes and scheduled jobs) in a synthesized assembly, with their bundle directories. */
export async function synthesizedFunctions(outdir: string, stage: Stage = 'dev'): Promise<SynthesizedFunction[]> {
  const templateFile = join(outdir, `${SERVICE_NAME}-${stage}-api.template.json`);
  const template = JSON.parse(await readFile(templateFile, 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { Description?: string }; Metadata?: Record<string, string> }>;
  };
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function')
    .map((resource) => ({
      routeKey: resource.Properties.Description ?? '',
      bundleDir: join(outdir, resource.Metadata?.['aws:asset:path'] ?? ''),
    }));
}
