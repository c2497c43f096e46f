import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary folder for PDF files and their renderings, made before the file's tests (which fail
 * at once, saying how to install it, when poppler's `tool` is missing) and removed after them.
 */
export function popplerWorkDir(prefix: string, tool: 'pdftotext' | 'pdftoppm'): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils (.ci/run installs it)`);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir!;
}
