import { approveReturn, approveReturnBody } from '#domain/returns/change-return.ts';
import { returnParams } from '#domain/returns/return-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: returnParams, body: approveReturnBody }, async ({ params, body, principal }) =>
  ok(await approveReturn(params.returnId, body, principal)),
);
