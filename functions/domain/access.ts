import type { Principal } from './principal.ts';

export interface Owned {
  sellerId: string;
  customerId: string;
  deliveryPersonId?: string | null;
}

/**
 * Whether a record is in the caller's scope: admin everything; seller, customer and delivery
 * person their own. Out of scope reads as "not found", never as "forbidden".
 */
export function isInScope(record: Owned, principal: Principal): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'seller':
      return record.sellerId === principal.id;
    case 'customer':
      return record.customerId === principal.id;
    case 'delivery':
      return record.deliveryPersonId === principal.id;
    default:
      return false;
  }
}

/** A seller filtering by another seller's id: the answer is an empty list, not someone else's data. */
export const asksBeyondOwnItems = (sellerId: string | undefined, principal: Principal): boolean =>
  principal.role === 'seller' && sellerId !== undefined && sellerId !== principal.id;
