import { probeObjectStore } from '#storage/object-store.ts';
import { probeTable } from '#storage/table-probe.ts';

export interface DependencyHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface Health {
  status: 'ok' | 'degraded';
  dependencies?: Record<string, DependencyHealth>;
}

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
 * Liveness (cheap, touches nothing), or with `deep` each dependency probed once, in parallel: the
 * table, and the invoice bucket where this function is configured with it (locally: always).
 */
export async function checkHealth(deep: boolean): Promise<Health> {
  if (!deep) return { status: 'ok' };
  const [table, objectStore] = await Promise.all([timed(probeTable), process.env.INVOICE_BUCKET ? timed(probeObjectStore) : undefined]);
  const dependencies = { table, ...(objectStore ? { objectStore } : {}) };
  const healthy = Object.values(dependencies).every((dependency) => dependency.ok);
  return { status: healthy ? 'ok' : 'degraded', dependencies };
}
