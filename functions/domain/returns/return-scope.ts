import { readReturn, type StoredReturn } from '#storage/returns-table.ts';
import { isInScope } from '../access.ts';
import { NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';

export const returnNotFound = (returnId: string) => new NotFoundError(`Return ${returnId} not found.`);

/** Admin: every return; seller: its items'; customer: its own; delivery person: those assigned to it. Else missing. */
export function assertInScope(stored: StoredReturn | undefined, returnId: string, principal: Principal): asserts stored is StoredReturn {
  if (!stored || !isInScope(stored.ret, principal)) throw returnNotFound(returnId);
}

/** A return the caller may see, in one strongly consistent read. */
export async function readReturnInScope(returnId: string, principal: Principal): Promise<StoredReturn> {
  const stored = await readReturn(returnId);
  assertInScope(stored, returnId, principal);
  return stored;
}
