import { gzipSync } from 'node:zlib';
import { publicHandler } from '#http/http-handler.ts';
import type { HttpResult } from '#http/responses.ts';
import { docsPage } from '../../openapi/docs-page.ts';

interface Page {
  html: string;
  /** ~0.5 MB instead of ~1.9 MB: HTTP APIs do not compress, so the function does for clients that accept it. */
  gzipBase64: string;
}

let page: Promise<Page> | undefined;

const loadPage = async (): Promise<Page> => {
  const html = await docsPage('openapi.json');
  return { html, gzipBase64: gzipSync(html).toString('base64') };
};

/** `GET /docs`: the API reference, Swagger UI rendering `/openapi.json`. */
export const handler = publicHandler(async (event): Promise<HttpResult> => {
  page ??= loadPage().catch((error: unknown) => {
    page = undefined;
    throw error;
  });
  const { html, gzipBase64 } = await page;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300', vary: 'accept-encoding' };
  if (/\bgzip\b/.test(event.headers?.['accept-encoding'] ?? '')) {
    return { statusCode: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipBase64, isBase64Encoded: true };
  }
  return { statusCode: 200, headers, body: html };
});
