/**
 * The return state machine, as data: what each change does, from which statuses, by whom. Every
 * path that changes a return decides with `allowedChange`.
 */
import type { ReturnEventSource, ReturnStatus } from './return-types.ts';

export type ReturnChange = 'approve' | 'decline' | 'assign' | 'pickup' | 'receive';

interface ChangeRule {
  from: readonly ReturnStatus[];
  /** The status after it; `assign` keeps the status (it only records who collects the item). */
  to: ReturnStatus | 'unchanged';
  by: readonly ReturnEventSource[];
}

export const RETURN_CHANGES: Readonly<Record<ReturnChange, ChangeRule>> = {
  approve: { from: ['requested'], to: 'approved', by: ['admin'] },
  decline: { from: ['requested'], to: 'declined', by: ['admin'] },
  assign: { from: ['approved'], to: 'unchanged', by: ['admin'] },
  // A delivery person only when assigned to the return (checked with the record).
  pickup: { from: ['approved'], to: 'picked_up', by: ['admin', 'delivery'] },
  receive: { from: ['approved', 'picked_up'], to: 'returned', by: ['admin'] },
};

/** A return may be asked for again once its request was declined. */
export const CLOSED_FOR_NEW_REQUEST: readonly (ReturnStatus | null)[] = [null, 'declined'];

/** The status `change` leads to from `from` when `by` makes it, or undefined when the table refuses it. */
export function allowedChange(change: ReturnChange, from: ReturnStatus, by: ReturnEventSource): ReturnStatus | undefined {
  const rule = RETURN_CHANGES[change];
  if (!rule.from.includes(from) || !rule.by.includes(by)) return undefined;
  return rule.to === 'unchanged' ? from : rule.to;
}
