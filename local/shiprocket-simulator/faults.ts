import * as z from 'zod';

/**
 * Faults for tests: a queue of faults, each matching a method and a path pattern under
 * `/v1/external` and firing a number of times. A request takes the first pending fault it matches.
 */

export const FAULT_KINDS = [
  /** 401 "Token has expired"; the token sent stops working, so the client must log in again. */
  'expired-token',
  /** 429 with `retry-after: 1`. */
  'rate-limit',
  /** 500 `{ message, status_code: 500 }`. */
  'server-error',
  /** No answer ever: the connection stays open until the client gives up or the simulator closes. */
  'hang',
  /** The request takes effect (an order is created, an AWB assigned), then the connection is destroyed without an answer. */
  'drop-response',
  /** The normal answer, `delayMs` later. */
  'delay',
] as const;

export const faultSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  /** `POST`, `GET`, ...; any method when omitted or `*`. */
  method: z.string().optional(),
  /** The path under `/v1/external`, `*` matching any characters: `/orders/create/adhoc`, `/courier/track/*`; any path when omitted. */
  path: z.string().optional(),
  /** How many matching requests it fires for (default 1). */
  times: z.number().int().min(1).max(100_000).optional(),
  /** For `delay`: how long (default 1000 ms). */
  delayMs: z.number().int().min(0).max(600_000).optional(),
});
export type Fault = z.input<typeof faultSchema>;

export interface PendingFault {
  kind: Fault['kind'];
  method: string;
  path: string;
  remaining: number;
  delayMs: number;
}

const withoutTrailingSlash = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

function pathPattern(glob: string): RegExp {
  const source = withoutTrailingSlash(glob.replace(/^\/v1\/external(?=\/|$)/, '') || '/')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

export class FaultQueue {
  private readonly queue: (PendingFault & { pattern: RegExp })[] = [];

  /** Checks and queues faults (throws a ZodError for a bad one, queueing none). */
  add(faults: readonly Fault[]): void {
    const parsed = faults.map((fault) => faultSchema.parse(fault));
    for (const fault of parsed) {
      const path = fault.path ?? '*';
      this.queue.push({
        kind: fault.kind,
        method: (fault.method ?? '*').toUpperCase(),
        path,
        remaining: fault.times ?? 1,
        delayMs: fault.delayMs ?? 1_000,
        pattern: pathPattern(path),
      });
    }
  }

  /** The first pending fault for this request, counted as fired. `path` is under `/v1/external`. */
  take(method: string, path: string): PendingFault | undefined {
    const target = withoutTrailingSlash(path);
    const index = this.queue.findIndex((fault) => (fault.method === '*' || fault.method === method) && fault.pattern.test(target));
    if (index === -1) return undefined;
    const fault = this.queue[index]!;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.queue.splice(index, 1);
    return { kind: fault.kind, method: fault.method, path: fault.path, remaining: fault.remaining, delayMs: fault.delayMs };
  }

  pending(): PendingFault[] {
    return this.queue.map(({ pattern: _, ...fault }) => ({ ...fault }));
  }

  clear(): void {
    this.queue.length = 0;
  }
}
