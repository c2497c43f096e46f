import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { HOUSE_BUNDLE } from '../../lib/house-function.ts';
import { synthesizeApp, synthesizedFunctions, type SynthesizedFunction } from '../../lib/cloud-assembly.ts';
import { expectedRouteKeys } from './infra-fixture.ts';

describe('cdk synth of the real app, with bundling (offline, local esbuild, no Docker)', () => {
  let outdir: string;
  let functions: SynthesizedFunction[];

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'shipping-synth-'));
    await synthesizeApp(outdir, 'dev');
    functions = await synthesizedFunctions(outdir, 'dev');
  }, 180_000);

  afterAll(async () => {
    if (outdir) await rm(outdir, { recursive: true, force: true });
  });

  it('bundles one minified ESM module with a source map per route', async () => {
    expect(functions.map((fn) => fn.routeKey).sort()).toEqual(expectedRouteKeys());
    for (const fn of functions) {
      const bundle = join(fn.bundleDir, 'index.mjs');
      expect(existsSync(join(fn.bundleDir, 'index.mjs.map')), fn.routeKey).toBe(true);
      expect((await stat(bundle)).size, fn.routeKey).toBeGreaterThan(0);
      const code = await readFile(bundle, 'utf8');
      expect(code.startsWith(HOUSE_BUNDLE.banner), `${fn.routeKey} starts with the ESM require banner`).toBe(true);
      expect(code.includes('\n//# sourceMappingURL=index.mjs.map'), `${fn.routeKey} links its source map`).toBe(true);
    }
  });

  it('leaves the AWS SDK to the Lambda runtime', async () => {
    const tableRoutes = routes.filter((route) => route.access.table).map(routeKey);
    for (const fn of functions.filter((candidate) => tableRoutes.includes(candidate.routeKey))) {
      const code = await readFile(join(fn.bundleDir, 'index.mjs'), 'utf8');
      expect(/from\s*"@aws-sdk\/[a-z-]+"/.test(code), `${fn.routeKey} imports @aws-sdk/* at run time`).toBe(true);
    }
  });

  it('passes cdk-nag: the validation report has no plugin failures', async () => {
    const report = JSON.parse(await readFile(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { summary?: { status: string } }[] };
    expect(report.pluginReports.filter((plugin) => plugin.summary?.status === 'failure')).toEqual([]);
  });
});
