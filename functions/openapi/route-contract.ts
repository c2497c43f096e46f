import type * as z from 'zod/mini';
import type { ErrorCode } from '#domain/errors.ts';

/** A success answer of a route: its status, what it means, and its JSON body (none for a 204). */
export interface SuccessResponse {
  status: number;
  description: string;
  body?: z.ZodMiniType;
  /** Not JSON: the media type of a body the schema cannot describe (the docs page). */
  mediaType?: string;
  /** Answers with `Idempotent-Replayed: true` when it repeats an earlier request's result. */
  replayable?: boolean;
}

/**
 * What the OpenAPI document says of one route beyond the route table: the zod schemas its handler
 * validates with (the same exports), its success answers, and the domain errors it raises itself.
 * Errors implied by the route's shape (token, body, query, path id, table, courier) are added by
 * `routeErrors`; `errors` names only the rest.
 */
export interface RouteContract {
  summary: string;
  description?: string;
  request?: {
    params?: z.ZodMiniType;
    query?: z.ZodMiniType;
    body?: z.ZodMiniType;
  };
  responses: readonly SuccessResponse[];
  errors?: readonly ErrorCode[];
  /** Honours the `Idempotency-Key` header (docs/api.md). */
  idempotencyKey?: boolean;
}
