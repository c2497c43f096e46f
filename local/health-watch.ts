/** Marks the watchdog's own requests, so the request log does not show a line every few seconds. */
export const WATCHDOG_HEADER = 'x-local-watchdog';

/** What one poll of `GET /health?deep=true` saw: an answer, or no answer at all. */
export type HealthObservation = { status: number; body: unknown } | { error: string };

/** What is wrong now, by name (`table`, ..., or `api` for the API itself), with why. */
export type HealthProblems = ReadonlyMap<string, string>;

interface DependencyReport {
  ok?: unknown;
  error?: unknown;
}

/**
 * The problems one observation shows. The documented answer is 200 `{ status: "ok", dependencies }`
 * or 503 `{ status: "degraded", dependencies }` with `ok: false` and an `error` for a failing one;
 * a 200 without `dependencies` (a health route that does not look deeper) counts as healthy.
 */
export function healthProblems(observation: HealthObservation): HealthProblems {
  if ('error' in observation) return new Map([['api', `the API does not answer GET /health?deep=true (${observation.error})`]]);
  const dependencies = (observation.body as { dependencies?: Record<string, DependencyReport> } | undefined)?.dependencies;
  const problems = new Map<string, string>();
  if (dependencies && typeof dependencies === 'object') {
    for (const [name, report] of Object.entries(dependencies)) {
      if (report?.ok !== true) problems.set(name, typeof report?.error === 'string' ? report.error : 'not ok');
    }
  }
  if (problems.size === 0 && observation.status !== 200) problems.set('api', `GET /health?deep=true answered ${observation.status}`);
  return problems;
}

/** The lines to print going from `before` to `after`: what went down, what came back. */
export function healthChanges(before: HealthProblems, after: HealthProblems): string[] {
  const lines: string[] = [];
  for (const [name, why] of after) {
    if (before.has(name)) continue;
    lines.push(name === 'api' ? `health: ${why}` : `health: dependency ${name} is down (${why})`);
  }
  for (const name of before.keys()) {
    if (after.has(name)) continue;
    lines.push(name === 'api' ? 'health: the API answers GET /health?deep=true again' : `health: dependency ${name} is up again`);
  }
  return lines;
}

export interface HealthWatchOptions {
  /** The API's base URL. */
  apiUrl: string;
  intervalMs: number;
  report: (line: string) => void;
  /** Longer than the API's own request bound, so a slow dependency is reported by the API itself. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Polls the API's `GET /health?deep=true` every `intervalMs` (never two at once) and reports each
 * change: a dependency going down or coming back, the API not answering. Silent while all is well.
 */
export function watchHealth(options: HealthWatchOptions) {
  const get = options.fetch ?? fetch;
  let problems: HealthProblems = new Map();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function observe(): Promise<HealthObservation> {
    try {
      const response = await get(`${options.apiUrl}/health?deep=true`, {
        headers: { [WATCHDOG_HEADER]: '1' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, body };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function poll() {
    const next = healthProblems(await observe());
    if (stopped) return;
    for (const line of healthChanges(problems, next)) options.report(line);
    problems = next;
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void poll().finally(schedule), options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    /** One poll now (tests). */
    poll,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
