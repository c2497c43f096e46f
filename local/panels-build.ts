import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..');
/** Where `vite build` puts the panels' UI (vite.config.ts). */
export const PANELS_BUILD_DIR = join(projectRoot, 'web', 'dist');
/** What the build is made of: the UI's sources and the domain tables and types it imports. */
const SOURCES = ['web/src', 'web/index.html', 'vite.config.ts', 'functions/domain', 'functions/routes.ts'].map((path) => join(projectRoot, path));

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when there is no build, or a source changed after it was made. */
export function panelsBuildIsStale(): boolean {
  const index = join(PANELS_BUILD_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => existsSync(source) && newestChange(source) > built);
}

/** Builds the panels' UI when missing or stale (about a second); answers whether it built. */
export async function ensurePanelsBuild(): Promise<boolean> {
  if (!panelsBuildIsStale()) return false;
  const { build } = await import('vite');
  // Built aside, then swapped in: two starts building at once never serve a half-emptied directory.
  const aside = `${PANELS_BUILD_DIR}.${process.pid}.tmp`;
  await build({ configFile: join(projectRoot, 'vite.config.ts'), root: join(projectRoot, 'web'), logLevel: 'warn', build: { outDir: aside, emptyOutDir: true } });
  rmSync(PANELS_BUILD_DIR, { recursive: true, force: true });
  renameSync(aside, PANELS_BUILD_DIR);
  return true;
}
