import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

/** The S3 emulator (s3rver) with the invoice bucket, storing objects under `directory`. */
export async function startS3Emulator(options: { port: number; directory: string; bucket: string }) {
  mkdirSync(options.directory, { recursive: true });
  const emulator = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory: options.directory,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [] }],
  });
  await emulator.run();
  return { endpoint: `http://127.0.0.1:${options.port}`, stop: () => emulator.close() };
}
