import { BadRequestError, PayloadTooLargeError } from '#domain/errors.ts';

export const MAX_BODY_BYTES = 256 * 1024;

/** Decodes and parses a JSON request body; `undefined` when there is none. */
export function parseJsonBody(body: string | undefined, isBase64Encoded: boolean | undefined): unknown {
  if (body === undefined || body === null || body === '') return undefined;
  const raw = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`The request body is ${raw.byteLength} bytes; the limit is ${MAX_BODY_BYTES} bytes (256 KiB).`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
}
