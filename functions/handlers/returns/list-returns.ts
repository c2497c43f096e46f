import { listReturns, listReturnsQuery } from '#domain/returns/list-returns.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ query: listReturnsQuery }, async ({ query, principal }) => ok(await listReturns(query, principal)));
