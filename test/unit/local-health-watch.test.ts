import { describe, expect, it } from 'vitest';
import { healthChanges, healthProblems, watchHealth, WATCHDOG_HEADER, type HealthObservation } from '../../local/health-watch.ts';

const ok = { status: 200, body: { status: 'ok', dependencies: { table: { ok: true, latencyMs: 3 } } } };
const tableDown = { status: 503, body: { status: 'degraded', dependencies: { table: { ok: false, latencyMs: 8000, error: 'TimeoutError' } } } };

describe('what the watchdog makes of GET /health?deep=true', () => {
  it('a 200 with every dependency ok, or without dependencies (a shallow health route), is healthy', () => {
    expect(healthProblems(ok)).toEqual(new Map());
    expect(healthProblems({ status: 200, body: { status: 'ok' } })).toEqual(new Map());
  });

  it('names each failing dependency with its error; a 503 without details or no answer is about the API', () => {
    expect(healthProblems(tableDown)).toEqual(new Map([['table', 'TimeoutError']]));
    expect(healthProblems({ status: 503, body: { status: 'degraded', dependencies: { table: { ok: false } } } })).toEqual(new Map([['table', 'not ok']]));
    expect(healthProblems({ status: 502, body: undefined }).get('api')).toMatch(/answered 502/);
    expect(healthProblems({ error: 'fetch failed' }).get('api')).toMatch(/does not answer .*fetch failed/);
  });

  it('reports only changes: down once, up again once', () => {
    const none = new Map<string, string>();
    expect(healthChanges(none, none)).toEqual([]);
    expect(healthChanges(none, healthProblems(tableDown))).toEqual(['health: dependency table is down (TimeoutError)']);
    expect(healthChanges(healthProblems(tableDown), healthProblems(tableDown))).toEqual([]);
    expect(healthChanges(healthProblems(tableDown), none)).toEqual(['health: dependency table is up again']);
    expect(healthChanges(none, healthProblems({ error: 'ECONNREFUSED' }))).toEqual([expect.stringMatching(/^health: the API does not answer/)]);
  });
});

describe('watchHealth', () => {
  it('polls the deep health of the API, marked as its own request, and prints each transition', async () => {
    const answers: HealthObservation[] = [ok, tableDown, tableDown, ok, { error: 'boom' }, ok];
    const asked: { url: string; headers: Record<string, string> }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      asked.push({ url, headers: init.headers as Record<string, string> });
      const answer = answers.shift()!;
      if ('error' in answer) throw new Error(answer.error);
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    }) as unknown as typeof fetch;
    const lines: string[] = [];
    const watch = watchHealth({ apiUrl: 'http://localhost:1', intervalMs: 60_000, report: (line) => lines.push(line), fetch: fakeFetch });
    for (let i = 0; i < 6; i++) await watch.poll();
    watch.stop();
    expect(asked[0]).toEqual({ url: 'http://localhost:1/health?deep=true', headers: { [WATCHDOG_HEADER]: '1' } });
    expect(lines).toEqual([
      'health: dependency table is down (TimeoutError)',
      'health: dependency table is up again',
      'health: the API does not answer GET /health?deep=true (boom)',
      'health: the API answers GET /health?deep=true again',
    ]);
  });
});
