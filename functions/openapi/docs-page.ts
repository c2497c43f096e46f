import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Swagger UI's prebuilt files (the npm package `swagger-ui-dist`), inlined into the page: no CDN. */
export const DOCS_RENDERER_FILES = { script: 'swagger-ui-bundle.js', style: 'swagger-ui.css' } as const;

/** `DOCS_ASSET_DIR` when set (Lambda: the bundle's folder, where the deploy copies the files), else the installed package. */
export function docsAssetDir(): string {
  return process.env.DOCS_ASSET_DIR || packagedDocsAssetDir();
}

export function packagedDocsAssetDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/** The HTML page rendering `documentUrl` (relative to the page): built once per process. */
export async function docsPage(documentUrl: string): Promise<string> {
  const dir = docsAssetDir();
  const [script, style] = await Promise.all([readFile(join(dir, DOCS_RENDERER_FILES.script), 'utf8'), readFile(join(dir, DOCS_RENDERER_FILES.style), 'utf8')]);
  // The spec's URL is resolved by the browser against the page's own; no call leaves this API (validatorUrl: null).
  const options = JSON.stringify({ url: documentUrl, dom_id: '#docs', deepLinking: true, validatorUrl: null, layout: 'BaseLayout' });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shipping Order Flow API</title>
<style>${style.replaceAll('</style', '<\\/style')}</style>
</head>
<body>
<div id="docs"></div>
<script>${script.replaceAll('</script', '<\\/script')}</script>
<script>window.ui = SwaggerUIBundle(Object.assign(${options}, { presets: [SwaggerUIBundle.presets.apis] }));</script>
</body>
</html>
`;
}
