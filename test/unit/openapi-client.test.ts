import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../functions/openapi/build-openapi-document.ts';

/** A client a storefront or panel would write against types generated from the document. */
const TYPED_CLIENT = `
import type { paths } from './api-types.ts';

type CreateParcelBody = paths['/parcels']['post']['requestBody']['content']['application/json'];
type Parcel = paths['/parcels']['post']['responses'][201]['content']['application/json'];
type ParcelPage = paths['/parcels']['get']['responses'][200]['content']['application/json'];
type ParcelQuery = NonNullable<paths['/parcels']['get']['parameters']['query']>;
type NotFound = paths['/parcels/{parcelId}']['get']['responses'][404]['content']['application/json'];
type Invoice = paths['/parcels/{parcelId}/invoice']['get']['responses'][200]['content']['application/json'];

export async function createParcel(baseUrl: string, token: string, body: CreateParcelBody, idempotencyKey?: string): Promise<Parcel> {
  const headers: Record<string, string> = { authorization: \`Bearer \${token}\`, 'content-type': 'application/json' };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(\`\${baseUrl}/parcels\`, { method: 'POST', headers, body: JSON.stringify(body) });
  return (await response.json()) as Parcel;
}

export const firstPage: ParcelQuery = { limit: '20', status: 'received' };
export const body: CreateParcelBody = { orderId: 'o-1', itemIds: ['i-1', 'i-2'] };
export const summary = (parcel: Parcel): string => \`\${parcel.id} \${parcel.status} \${parcel.courier?.awb ?? 'no AWB'} \${parcel.items.map((item) => item.unitPrice * item.quantity).join('+')}\`;
export const more = (page: ParcelPage): boolean => page.nextCursor !== null && page.items.length > 0;
export const code = (answer: NotFound): string => answer.error.code;
export const link = (invoice: Invoice): string => \`\${invoice.invoiceNumber}: \${invoice.url} until \${invoice.expiresAt}\`;
`;

/** Calls the generated types must refuse. */
const WRONG_CALLS = `
import type { paths } from './api-types.ts';
type CreateParcelBody = paths['/parcels']['post']['requestBody']['content']['application/json'];
type Parcel = paths['/parcels/{parcelId}']['get']['responses'][200]['content']['application/json'];
export const numericOrder: CreateParcelBody = { orderId: 42, itemIds: ['i-1'] };
export const unknownStatus = (parcel: Parcel): boolean => parcel.status === 'teleported';
`;

describe('a client generated from the document (openapi-typescript)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'openapi-client-'));
    const types = astToString(await openapiTS(buildOpenApiDocument() as unknown as Parameters<typeof openapiTS>[0]));
    await writeFile(join(dir, 'api-types.ts'), types);
    await writeFile(join(dir, 'client.ts'), TYPED_CLIENT);
    await writeFile(join(dir, 'wrong.ts'), WRONG_CALLS);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('compiles a typed client of a few calls, and refuses calls outside the contract', async () => {
    const tsc = join(process.cwd(), 'node_modules/typescript/bin/tsc');
    const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions', '--lib', 'es2022,dom', 'client.ts', 'wrong.ts'];
    const result = await promisify(execFile)(process.execPath, args, { cwd: dir }).then(
      () => ({ output: '', failed: false }),
      (error: { stdout: string }) => ({ output: error.stdout, failed: true }),
    );
    expect(result.failed).toBe(true);
    const errorLines = result.output.split('\n').filter((line) => /error TS/.test(line));
    expect(errorLines.filter((line) => !line.startsWith('wrong.ts'))).toEqual([]);
    const lineOf = (text: string) => WRONG_CALLS.split('\n').findIndex((line) => line.includes(text)) + 1;
    expect(errorLines.some((line) => line.startsWith(`wrong.ts(${lineOf('numericOrder')},`))).toBe(true);
    expect(errorLines.some((line) => line.startsWith(`wrong.ts(${lineOf('unknownStatus')},`))).toBe(true);
  }, 60_000);
});
