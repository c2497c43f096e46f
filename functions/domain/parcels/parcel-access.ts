import type { Principal } from '../principal.ts';
import type { EventSource } from './parcel-status.ts';
import type { Parcel } from './parcel-types.ts';

/** Who may see a parcel at all; everyone else gets a 404, never a hint that it exists. */
export function canSeeParcel(parcel: Pick<Parcel, 'sellerId' | 'customerId' | 'deliveryPersonId'>, principal: Principal): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'seller':
      return parcel.sellerId === principal.id;
    case 'customer':
      return parcel.customerId === principal.id;
    case 'delivery':
      return parcel.deliveryPersonId === principal.id;
    default:
      return false;
  }
}

export const eventSourceOf = (principal: Principal): EventSource =>
  principal.role === 'admin' || principal.role === 'seller' || principal.role === 'delivery' ? principal.role : 'system';
