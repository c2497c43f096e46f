/**
 * The OpenAPI document's size, and proof that it costs the route handlers nothing: each route's
 * bundle is rebuilt with the deploy's options and every byte that comes from the OpenAPI code or
 * from the response schemas (which handlers import only as types) is counted; the target is 0.
 * `npx tsx bench/openapi.ts` prints it; `npm run bench` includes it.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { GENERATED_DOCUMENT_PATH } from '../functions/openapi/write-openapi-document.ts';
import { routeKey, routes } from '../functions/routes.ts';
import { handlerEntry } from '../lib/api-stack.ts';
import { PROJECT_ROOT } from '../lib/house-function.ts';
import { houseBuild } from './bundles.ts';

/** The OpenAPI code and the modules that hold response schemas only for the document and for types. */
const DOCUMENT_ONLY_MODULES = [
  /^functions\/openapi\//,
  /^functions\/domain\/orders\/order-types\.ts$/,
  /^functions\/domain\/parcels\/parcel-schemas\.ts$/,
  /^functions\/domain\/sellers\/seller\.ts$/,
  /^functions\/domain\/delivery-persons\/delivery-person\.ts$/,
  /^functions\/domain\/invoices\/invoice-link\.ts$/,
  /^functions\/domain\/health\/health\.ts$/,
  /^functions\/domain\/courier\/courier-webhook-answer\.ts$/,
  /^functions\/domain\/list-page\.ts$/,
  /^functions\/http\/error-body\.ts$/,
];
const SERVING_HANDLERS = new Set(['openapi/get-openapi-document', 'openapi/get-docs-page']);

export interface OpenApiCost {
  document: { prettyBytes: number; servedBytes: number; servedGzipBytes: number };
  /** Per route handler: bytes of its bundle, and of those, bytes from document-only modules. */
  handlers: { routeKey: string; bundleBytes: number; documentOnlyBytes: number; documentOnlyModules: string[] }[];
  /** The two functions that serve it. */
  serving: { routeKey: string; bundleBytes: number }[];
}

async function bundleOf(handler: string) {
  const result = await houseBuild(handlerEntry(handler), { write: false, metafile: true, outfile: 'index.mjs' });
  const output = Object.entries(result.metafile!.outputs).find(([file]) => file.endsWith('.mjs'))![1];
  return output;
}

export async function measureOpenApiCost(): Promise<OpenApiCost> {
  const pretty = await readFile(GENERATED_DOCUMENT_PATH);
  const served = Buffer.from(JSON.stringify(JSON.parse(pretty.toString('utf8'))));
  const handlers: OpenApiCost['handlers'] = [];
  const serving: OpenApiCost['serving'] = [];
  for (const route of routes) {
    const output = await bundleOf(route.handler);
    if (SERVING_HANDLERS.has(route.handler)) {
      serving.push({ routeKey: routeKey(route), bundleBytes: output.bytes });
      continue;
    }
    const documentOnly = Object.entries(output.inputs).filter(
      ([input, { bytesInOutput }]) => bytesInOutput > 0 && DOCUMENT_ONLY_MODULES.some((pattern) => pattern.test(relative(PROJECT_ROOT, input))),
    );
    handlers.push({
      routeKey: routeKey(route),
      bundleBytes: output.bytes,
      documentOnlyBytes: documentOnly.reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0),
      documentOnlyModules: documentOnly.map(([input]) => relative(PROJECT_ROOT, input)),
    });
  }
  return { document: { prettyBytes: pretty.byteLength, servedBytes: served.byteLength, servedGzipBytes: gzipSync(served).byteLength }, handlers, serving };
}

export function printOpenApiCost(cost: OpenApiCost): void {
  const { document } = cost;
  console.log(`Document: ${document.servedBytes} bytes as served (${document.servedGzipBytes} gzipped), ${document.prettyBytes} bytes in ${relative(PROJECT_ROOT, GENERATED_DOCUMENT_PATH)}`);
  const carrying = cost.handlers.filter((handler) => handler.documentOnlyBytes > 0);
  console.log(
    carrying.length === 0
      ? `Route handlers: ${cost.handlers.length} bundles, 0 bytes from the OpenAPI code or the response schemas in any (target: none)`
      : `Route handlers carrying document-only code (target: none): ${carrying.map((handler) => `${handler.routeKey} ${handler.documentOnlyBytes} B (${handler.documentOnlyModules.join(', ')})`).join('; ')}`,
  );
  console.table(cost.serving.map((fn) => ({ 'serving function': fn.routeKey, 'bundle KB': Math.round(fn.bundleBytes / 102.4) / 10 })));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printOpenApiCost(await measureOpenApiCost());
}
