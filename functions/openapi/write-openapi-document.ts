/**
 * `npm run openapi [-- <file>]`: writes the OpenAPI document to `functions/openapi/generated/openapi.json`
 * (what `GET /openapi.json` serves; committed, and a unit test fails when it is stale) and, when given,
 * to `<file>` too (for client generators).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildOpenApiDocument } from './build-openapi-document.ts';

export const GENERATED_DOCUMENT_PATH = fileURLToPath(new URL('./generated/openapi.json', import.meta.url));

/** The document as the generated file holds it: stable key order, two-space indent, final newline. */
export const documentText = (): string => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

async function writeDocument(paths: readonly string[]): Promise<void> {
  const text = documentText();
  for (const path of paths) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    console.log(`wrote ${path} (${Buffer.byteLength(text)} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeDocument([GENERATED_DOCUMENT_PATH, ...process.argv.slice(2).map((path) => resolve(process.env.INIT_CWD ?? process.cwd(), path))]);
}
