/**
 * Time to an answer with DynamoDB Local frozen (SIGSTOP): the request bound must hold for a read
 * and for a create (target ≤ REQUEST_BOUND_MS).
 */
import { REQUEST_BOUND_MS } from '../functions/time-budget.ts';
import { signLocalToken } from '../local/local-tokens.ts';
import { startLocalRuntime } from '../local/runtime.ts';
import { freePort } from '../test/support/free-port.ts';

export interface StallRow {
  request: string;
  status: number;
  code: string;
  ms: number;
  targetMs: number;
  ok: boolean;
}

export async function measureStalledDatabase(): Promise<StallRow[]> {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.TABLE_NAME = 'bench-stall';
  const runtime = await startLocalRuntime({ apiPort: await freePort(), dynamoPort: await freePort() });
  const seller = await signLocalToken('seller', 'bench-stall-seller');
  const timed = async (request: string, method: string, path: string, body?: unknown): Promise<StallRow> => {
    const started = performance.now();
    const response = await fetch(`${runtime.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${seller}`, 'content-type': 'application/json', 'idempotency-key': `stall-${Date.now()}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as { error?: { code: string } };
    const ms = Math.round(performance.now() - started);
    return { request, status: response.status, code: answer.error?.code ?? '-', ms, targetMs: REQUEST_BOUND_MS, ok: response.status === 503 && ms <= REQUEST_BOUND_MS };
  };
  try {
    process.kill(runtime.dynamoPid, 'SIGSTOP');
    return [
      await timed('GET /parcels/{parcelId}', 'GET', '/parcels/01STALLED'),
      await timed('POST /parcels (Idempotency-Key)', 'POST', '/parcels', { orderId: 'bench-stall-order', itemIds: ['i-1'] }),
    ];
  } finally {
    process.kill(runtime.dynamoPid, 'SIGCONT');
    await runtime.stop();
  }
}
