import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import S3rver, { type S3rverObject, type S3rverStore } from 's3rver';

export interface RunningS3 {
  endpoint: string;
  /** Resolves when the emulator's server has closed (also after `stop()`). */
  ended: Promise<string>;
  stop(): Promise<void>;
}

/**
 * s3rver 3.7.1's putObject, with its write errors handled: the original leaves the file stream's
 * `error` unhandled (a disk error — no space, a directory in the way — crashes the whole process)
 * and answers success for an in-memory body before the file is written. This one waits for the
 * file and fails the request instead (s3rver answers 500 InternalError).
 */
function putObjectSafely(store: S3rverStore) {
  return async (object: S3rverObject) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    await pipeline(Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content, measure, createWriteStream(objectPath));
    const digest = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}

/**
 * The S3 emulator (s3rver) with the invoice bucket, storing objects under `directory`. It runs
 * inside this process, so it cannot outlive it; if its server closes unexpectedly `ended` says so.
 */
export async function startS3Emulator(options: { port: number; directory: string; bucket: string }): Promise<RunningS3> {
  mkdirSync(options.directory, { recursive: true });
  const emulator = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory: options.directory,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [] }],
  });
  emulator.store.putObject = putObjectSafely(emulator.store);
  await emulator.run();
  const server = emulator.httpServer!;
  const ended = new Promise<string>((resolve) => server.once('close', () => resolve('its server closed')));
  server.on('error', (error) => {
    console.error('S3 emulator error', error);
    server.close();
  });
  return { endpoint: `http://127.0.0.1:${options.port}`, ended, stop: () => (server.listening ? emulator.close() : Promise.resolve()) };
}
