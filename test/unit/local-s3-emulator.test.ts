import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startS3Emulator } from '../../local/s3-emulator.ts';
import { freePort } from '../support/free-port.ts';

describe('the S3 emulator', () => {
  const directory = mkdtempSync(join(tmpdir(), 'shipping-s3-unit-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('fails an upload it cannot write with a 500 (it used to crash the whole process), then stores it once it can', async () => {
    const s3 = await startS3Emulator({ port: await freePort(), directory, bucket: 'invoices' });
    try {
      const put = () => fetch(`${s3.endpoint}/invoices/a/b.pdf`, { method: 'PUT', body: 'pdf bytes', headers: { 'content-type': 'application/pdf' } });
      const blocker = join(directory, 'invoices', 'a', 'b.pdf._S3rver_object');
      mkdirSync(blocker, { recursive: true });
      expect((await put()).status).toBe(500);
      rmSync(blocker, { recursive: true });
      expect((await put()).status).toBe(200);
      const stored = await fetch(`${s3.endpoint}/invoices/a/b.pdf`);
      expect(await stored.text()).toBe('pdf bytes');
    } finally {
      await s3.stop();
    }
    expect(await s3.ended).toBe('its server closed');
  });
});
