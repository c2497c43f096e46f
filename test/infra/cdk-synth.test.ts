import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUSE_BUNDLE } from '../../lib/house-function.ts';
import { synthesizeApp, synthesizedFunctions, type SynthesizedFunction } from '../../lib/cloud-assembly.ts';
import { expectedFunctionDescriptions } from './infra-fixture.ts';

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

  it('bundles one minified ESM module with a source map per route and per scheduled job', async () => {
    expect(functions.map((fn) => fn.routeKey).sort()).toEqual(expectedFunctionDescriptions());
    for (const fn of functions) {
      const bundle = join(fn.bundleDir, 'index.mjs');
      expect(existsSync(join(fn.bundleDir, 'index.mjs.map')), fn.routeKey).toBe(true);
      expect((await stat(bundle)).size, fn.routeKey).toBeGreaterThan(0);
      const code = await readFile(bundle, 'utf8');
      expect(code.startsWith(HOUSE_BUNDLE.banner), `${fn.routeKey} starts with the ESM require banner`).toBe(true);
      expect(code.includes('\n//# sourceMappingURL=index.mjs.map'), `${fn.routeKey} links its source map`).toBe(true);
    }
  });

  it('bundles the AWS SDK with the environment-only credential provider, and the bundle runs', async () => {
    const getOrder = functions.find((fn) => fn.routeKey === 'GET /orders/{orderId}')!;
    const code = await readFile(join(getOrder.bundleDir, 'index.mjs'), 'utf8');
    expect(/from\s*"@aws-sdk\//.test(code)).toBe(false);
    expect(code).not.toContain('credential-provider-sso');

    // Run the real bundle as Lambda would: credentials from the environment, DynamoDB unreachable.
    // Getting 503 UNAVAILABLE proves it resolved credentials, signed and sent the request.
    const env = { TABLE_NAME: 't', AWS_REGION: 'ap-south-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', POWERTOOLS_LOG_LEVEL: 'SILENT' };
    const event = { routeKey: 'GET /orders/{orderId}', pathParameters: { orderId: 'o-1' }, requestContext: { requestId: 'r-1', authorizer: { jwt: { claims: { sub: 'a', role: 'admin' } } } } };
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(join(getOrder.bundleDir, 'index.mjs')).href)});
      const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'r-1', functionName: 'f' });
      console.log(JSON.stringify(result));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', '--input-type=module', '--eval', script], { cwd: tmpdir(), env: { PATH: process.env.PATH, ...env } });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result.statusCode).toBe(503);
    expect(JSON.parse(result.body).error.code).toBe('UNAVAILABLE');
  });

  it('bundles each scheduled job so that it runs: a run that cannot reach DynamoDB fails (to be retried, then dead-lettered)', async () => {
    for (const fn of functions.filter((candidate) => candidate.routeKey.startsWith('job '))) {
      const env = { TABLE_NAME: 't', AWS_REGION: 'ap-south-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', POWERTOOLS_LOG_LEVEL: 'SILENT' };
      const event = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };
      const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(join(fn.bundleDir, 'index.mjs')).href)});
        const outcome = await handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 120000 }).then(() => ({ ok: true }), (error) => ({ ok: false, code: error.code }));
        console.log(JSON.stringify(outcome));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', '--input-type=module', '--eval', script], { cwd: tmpdir(), env: { PATH: process.env.PATH, ...env } });
      expect(JSON.parse(stdout.trim().split('\n').at(-1)!), fn.routeKey).toEqual({ ok: false, code: 'UNAVAILABLE' });
    }
  });

  it('passes cdk-nag: the validation report has no plugin failures', async () => {
    const report = JSON.parse(await readFile(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { summary?: { status: string } }[] };
    expect(report.pluginReports.filter((plugin) => plugin.summary?.status === 'failure')).toEqual([]);
  });
});
