import type * as z from 'zod/mini';
import { BadRequestError, NotFoundError, ValidationError, type ErrorDetail } from '#domain/errors.ts';
import './zod-messages.ts';

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';

/** Parses `input` with `schema`; on failure names every bad field. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown, what: 'body' | 'query' | 'path'): z.infer<S> {
  if (what === 'body' && input === undefined) throw new BadRequestError('A JSON request body is required.');
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.infer<S>;
  // An id that could never have been issued names nothing: that is "not found", like any unknown id.
  if (what === 'path') throw new NotFoundError('No such resource.');
  const details: ErrorDetail[] = result.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new ValidationError(`Invalid ${what}: ${summary}`, details);
}
