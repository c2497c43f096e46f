import { describe, expect, it } from 'vitest';
import { call } from './support/api-client.ts';

describe('GET /health', () => {
  it('answers liveness without a token and without touching a dependency', async () => {
    const response = await call('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('with deep=true probes each dependency and reports it, still without a token or any data', async () => {
    const response = await call('GET', '/health?deep=true');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      dependencies: { table: { ok: true, latencyMs: expect.any(Number) } },
    });
  });
});
