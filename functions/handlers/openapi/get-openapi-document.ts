import document from '../../openapi/generated/openapi.json' with { type: 'json' };
import { publicHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

/** `GET /openapi.json`: the document `npm run openapi` generated at build time (bundled as data; nothing is built here). */
const body = JSON.stringify(document);

export const handler = publicHandler(async () => {
  const response = ok(undefined);
  return { ...response, headers: { ...response.headers, 'cache-control': 'public, max-age=300' }, body };
});
