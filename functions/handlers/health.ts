import { publicHandler } from '#http/http-handler.ts';
import { ok } from '#http/responses.ts';

export const handler = publicHandler(async () => ok({ status: 'ok' }));
