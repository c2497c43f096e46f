import { getReturn } from '#domain/returns/get-return.ts';
import { returnParams } from '#domain/returns/return-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: returnParams }, async ({ params, principal }) => ok(await getReturn(params.returnId, principal)));
