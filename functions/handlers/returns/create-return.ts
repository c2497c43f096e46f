import { createReturn, createReturnBody } from '#domain/returns/create-return.ts';
import { httpHandler } from '#http/http-handler.ts';
import { created, replayed } from '#http/responses.ts';

export const handler = httpHandler({ body: createReturnBody }, async ({ body, principal, idempotencyKey }) => {
  const result = await createReturn(body, principal, idempotencyKey);
  const response = created(result.ret);
  return result.replayed ? replayed(response) : response;
});
