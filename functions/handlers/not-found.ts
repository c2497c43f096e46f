import { NotFoundError } from '#domain/errors.ts';
import { publicHandler } from '#http/http-handler.ts';

export const handler = publicHandler(async (event) => {
  throw new NotFoundError(`No route ${event.requestContext.http.method} ${event.rawPath}.`);
});
