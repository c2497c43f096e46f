import type { Principal } from '../principal.ts';
import type { EventSource } from './parcel-status.ts';

/** How a person's change is recorded in the parcel's history. */
export const eventSourceOf = (principal: Principal): EventSource =>
  principal.role === 'admin' || principal.role === 'seller' || principal.role === 'delivery' ? principal.role : 'system';
