import * as z from 'zod/mini';

/** The answer of `GET /health` (200 when `ok`; with `?deep=true`, 503 when `degraded`). */
export const dependencyHealthSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  error: z.optional(z.string()),
});
export type DependencyHealth = z.infer<typeof dependencyHealthSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  dependencies: z.optional(z.record(z.string(), dependencyHealthSchema)),
});
export type Health = z.infer<typeof healthSchema>;
