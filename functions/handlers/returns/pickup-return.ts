import { pickupReturn, pickupReturnBody } from '#domain/returns/change-return.ts';
import { returnParams } from '#domain/returns/return-params.ts';
import { httpHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = httpHandler({ params: returnParams, body: pickupReturnBody }, async ({ params, body, principal }) =>
  ok(await pickupReturn(params.returnId, body, principal)),
);
