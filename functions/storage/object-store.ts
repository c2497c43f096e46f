import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { outboundSignal } from '../time-budget.ts';
import { storageFault } from './faults.ts';

/** Set by the stack (INVOICE_BUCKET) or the local runtime (also S3_ENDPOINT for the emulator). */
export const invoiceBucket = (): string => {
  const name = process.env.INVOICE_BUCKET;
  if (!name) throw new Error('INVOICE_BUCKET is not set');
  return name;
};

function localOptions() {
  const endpoint = process.env.S3_ENDPOINT;
  if (!endpoint) return {};
  return {
    endpoint,
    forcePathStyle: true,
    region: process.env.AWS_REGION ?? 'local',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // The emulator stores streamed bodies with aws-chunked framing unless checksums are off.
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
  };
}

let client: { endpoint: string | undefined; s3: S3Client } | undefined;

/** Created on first use (the endpoint is read when needed, never at import), then reused while the endpoint stays. */
export function objectStoreClient(): S3Client {
  const endpoint = process.env.S3_ENDPOINT;
  if (client === undefined || client.endpoint !== endpoint) {
    const s3 = new S3Client({ maxAttempts: 3, requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true }, ...localOptions() });
    client = { endpoint, s3 };
  }
  return client.s3;
}

/** Stores a PDF under `key`, aborted at the request's deadline; storing the same PDF again is harmless. */
export async function putPdf(key: string, bytes: Uint8Array, metadata: Record<string, string>): Promise<void> {
  try {
    await objectStoreClient().send(
      new PutObjectCommand({ Bucket: invoiceBucket(), Key: key, Body: bytes, ContentType: 'application/pdf', Metadata: metadata }),
      { abortSignal: outboundSignal() },
    );
  } catch (error) {
    throw storageFault(error, 'retry-safe');
  }
}

/**
 * A GET link to `key` valid for `expiresInSeconds`, shown inline or downloaded as `filename`.
 * Signed locally with the function's credentials: no call to S3.
 */
export function presignedPdfUrl(key: string, options: { expiresInSeconds: number; download: boolean; filename: string }): Promise<string> {
  const disposition = `${options.download ? 'attachment' : 'inline'}; filename="${options.filename}"`;
  return getSignedUrl(
    objectStoreClient(),
    new GetObjectCommand({ Bucket: invoiceBucket(), Key: key, ResponseContentDisposition: disposition, ResponseContentType: 'application/pdf' }),
    { expiresIn: options.expiresInSeconds },
  );
}
