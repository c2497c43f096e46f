import { probeTable } from '#storage/table-probe.ts';
import type { DependencyHealth, Health } from './health.ts';

async function timed(probe: () => Promise<void>): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await probe();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.name : 'unknown' };
  }
}

/**
 * Liveness (cheap, touches nothing), or with `deep` the table probed once. (The invoice bucket is
 * only the invoice function's; the S3 client would triple this function's bundle. `npm start`
 * watches its S3 emulator itself.)
 */
export async function checkHealth(deep: boolean): Promise<Health> {
  if (!deep) return { status: 'ok' };
  const dependencies = { table: await timed(probeTable) };
  const healthy = Object.values(dependencies).every((dependency) => dependency.ok);
  return { status: healthy ? 'ok' : 'degraded', dependencies };
}
