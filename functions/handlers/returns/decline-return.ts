import { declineReturn, declineReturnBody } from '#domain/returns/change-return.ts';
import { returnParams } from '#domain/returns/return-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: returnParams, body: declineReturnBody }, async ({ params, body, principal }) =>
  ok(await declineReturn(params.returnId, body, principal)),
);
